/**
 * Deterministic demo catalogue for seeding the CMS.
 *
 * Pure data + a seeded PRNG: no network, no I/O, no clock. Every call to `buildCatalogue()`
 * returns a fresh, deep-equal structure on every machine.
 */

export type Localized = { en: string; ar: string }
export type ProgramFormat = 'podcast' | 'documentary' | 'series' | 'show'
/** published: visible now; draft: never published; scheduled: published but publishedAt in the future */
export type SeedStatus = 'published' | 'draft' | 'scheduled'

export interface SeedCategory {
  slug: string
  name: Localized
  description: Localized
  parentSlug?: string // must refer to an earlier category in the array
}
export interface SeedEpisode {
  slug: string // unique within its program, lowercase a-z0-9 and hyphens
  guid: string // globally unique, e.g. `${programSlug}-s1e3`
  title: Localized
  summary: Localized // one or two sentences
  description: Localized // a short paragraph (2-4 sentences), plain text, paragraphs separated by \n\n
  seasonNumber?: number
  episodeNumber: number
  durationSeconds: number // integer >= 0, realistic for the format
  publishedAt: string // ISO 8601 UTC
  status: SeedStatus
  explicit: boolean
  enclosureUrl?: string // e.g. https://media.example.com/audio/<program>/<episode>.mp3 (example.com only)
  mimeType?: string // audio/mpeg or video/mp4 matching the extension
  sizeBytes?: number
}
export interface SeedProgram {
  slug: string // unique, lowercase a-z0-9 and hyphens
  title: Localized
  summary: Localized
  description: Localized // 2-3 short paragraphs, plain text, separated by \n\n
  format: ProgramFormat
  language: string // ISO 639-1 code of the spoken language
  categorySlugs: string[] // 1-3, all existing category slugs
  tags: string[] // 2-5 lowercase tags
  featured?: { rank: number; untilISO?: string } // rank 1..n, unique among featured
  status: SeedStatus
  publishedAt: string // ISO 8601 UTC
  episodes: SeedEpisode[]
}
export interface SeedCatalogue {
  categories: SeedCategory[]
  programs: SeedProgram[]
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

const SEED = 0x5eed2024

interface Rng {
  next: () => number
  int: (lo: number, hi: number) => number
  pick: <T>(items: readonly T[]) => T
  shuffle: <T>(items: readonly T[]) => T[]
}

/** mulberry32: a small, fast, seedable generator (also used by the benchmarks' query mix). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function hashString(value: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

function createRng(key: string): Rng {
  const next = mulberry32((hashString(key) ^ SEED) >>> 0)
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1))
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length - 1)]
      if (item === undefined) throw new Error('pick() on an empty list')
      return item
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items]
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i)
        const tmp = out[i] as T
        out[i] = out[j] as T
        out[j] = tmp
      }
      return out
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000
const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS

/** First possible day for a published program (its publishedAt is 7 days before episode 1). */
const FIRST_DAY = dayOf(2019, 1, 8)
/** Last day on which a (non-scheduled) episode may be dated. */
const LAST_DAY = dayOf(2026, 10, 30)
/** Draft and scheduled programs are "in preparation": their episode plans start late. */
const PREPARATION_DAY = dayOf(2025, 3, 1)

const isoAt = (day: number, hour: number): string =>
  new Date(day * DAY_MS + hour * 3_600_000).toISOString()

const L = (en: string, ar: string): Localized => ({ en, ar })

const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'from',
  'in',
  'into',
  'of',
  'on',
  'or',
  'per',
  'the',
  'to',
  'vs',
  'via',
  'with',
])

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

/** "the rise of al-Biruni's step-by-step method" -> "The Rise of al-Biruni's Step-by-Step Method" */
function titleCase(phrase: string): string {
  return phrase
    .split(' ')
    .map((word, index) => {
      if (index === 0) return capitalize(word)
      if (SMALL_WORDS.has(word)) return word
      if (word.startsWith('al-')) return word
      return word
        .split('-')
        .map((part, i) => (i > 0 && SMALL_WORDS.has(part) ? part : capitalize(part)))
        .join('-')
    })
    .join(' ')
}

function kebab(value: string, maxLength = 64): string {
  const slug = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= maxLength) return slug
  const cut = slug.slice(0, maxLength)
  const lastHyphen = cut.lastIndexOf('-')
  return lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut
}

// ---------------------------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------------------------

const CATEGORIES: readonly SeedCategory[] = [
  {
    slug: 'society-culture',
    name: L('Society & Culture', 'المجتمع والثقافة'),
    description: L(
      'Stories about how we live, what we believe and where we belong.',
      'قصص عن طرق عيشنا ومعتقداتنا وانتماءاتنا.',
    ),
  },
  {
    slug: 'history',
    name: L('History', 'التاريخ'),
    description: L(
      'Empires, ideas and ordinary lives from the past.',
      'إمبراطوريات وأفكار وحياة الناس العاديين عبر العصور.',
    ),
    parentSlug: 'society-culture',
  },
  {
    slug: 'travel',
    name: L('Travel & Places', 'السفر والأماكن'),
    description: L(
      'Journeys to cities, coasts and deserts near and far.',
      'رحلات إلى مدن وسواحل وصحارٍ قريبة وبعيدة.',
    ),
    parentSlug: 'society-culture',
  },
  {
    slug: 'food',
    name: L('Food & Cooking', 'الطعام والطبخ'),
    description: L(
      'Recipes, kitchens and the stories behind what we eat.',
      'وصفات ومطابخ وحكايات تختبئ وراء ما نأكله.',
    ),
    parentSlug: 'society-culture',
  },
  {
    slug: 'news-politics',
    name: L('News & Politics', 'الأخبار والسياسة'),
    description: L(
      'Daily briefings, analysis and debate on current affairs.',
      'موجزات يومية وتحليلات ونقاشات حول الشؤون الراهنة.',
    ),
  },
  {
    slug: 'business',
    name: L('Business', 'الأعمال'),
    description: L(
      'Companies, markets and the people who build them.',
      'شركات وأسواق والأشخاص الذين يصنعونها.',
    ),
  },
  {
    slug: 'technology',
    name: L('Technology', 'التكنولوجيا'),
    description: L(
      'The tools, networks and ideas reshaping everyday life.',
      'الأدوات والشبكات والأفكار التي تعيد تشكيل حياتنا اليومية.',
    ),
  },
  {
    slug: 'science',
    name: L('Science', 'العلوم'),
    description: L(
      'Discoveries, experiments and the people behind them.',
      'اكتشافات وتجارب والعلماء الذين يقفون وراءها.',
    ),
  },
  {
    slug: 'nature-environment',
    name: L('Nature & Environment', 'الطبيعة والبيئة'),
    description: L('Rivers, climates and the living planet.', 'الأنهار والمناخ وكوكبنا الحي.'),
    parentSlug: 'science',
  },
  {
    slug: 'health',
    name: L('Health & Wellbeing', 'الصحة والعافية'),
    description: L(
      'Evidence-based advice for body and mind.',
      'نصائح مبنية على الأدلة العلمية للجسد والعقل.',
    ),
  },
  {
    slug: 'arts',
    name: L('Arts', 'الفنون'),
    description: L(
      'Literature, design, craft and performance.',
      'الأدب والتصميم والحِرف وفنون الأداء.',
    ),
  },
  {
    slug: 'music',
    name: L('Music', 'الموسيقى'),
    description: L(
      'Live sessions, artists and the history of sound.',
      'جلسات حية وفنانون وتاريخ الأصوات.',
    ),
    parentSlug: 'arts',
  },
  {
    slug: 'drama-fiction',
    name: L('Drama & Fiction', 'الدراما والقصص'),
    description: L('Scripted series and the art of storytelling.', 'مسلسلات مكتوبة وفن الحكي.'),
    parentSlug: 'arts',
  },
  {
    slug: 'sports',
    name: L('Sports', 'الرياضة'),
    description: L(
      'Matches, athletes and the stories behind the scores.',
      'مباريات ورياضيون وقصص تختبئ وراء النتائج.',
    ),
  },
  {
    slug: 'comedy',
    name: L('Comedy', 'الكوميديا'),
    description: L(
      'Stand-up, sketches and sharp observations.',
      'عروض كوميدية فردية ومشاهد ساخرة وملاحظات لاذعة.',
    ),
  },
  {
    slug: 'education',
    name: L('Education', 'التعليم'),
    description: L('Lessons and courses for curious minds.', 'دروس ودورات للعقول الفضولية.'),
  },
  {
    slug: 'language-learning',
    name: L('Language Learning', 'تعلّم اللغات'),
    description: L(
      'Practical courses to help you speak with confidence.',
      'دورات عملية تساعدك على التحدث بثقة.',
    ),
    parentSlug: 'education',
  },
  {
    slug: 'true-crime',
    name: L('True Crime', 'الجرائم الحقيقية'),
    description: L(
      'Investigations into real cases, told with care.',
      'تحقيقات في قضايا حقيقية تُروى بعناية.',
    ),
  },
  {
    slug: 'kids-family',
    name: L('Kids & Family', 'الأطفال والعائلة'),
    description: L(
      'Stories and learning for young listeners and viewers.',
      'حكايات وتعلّم للمستمعين والمشاهدين الصغار.',
    ),
  },
]

// ---------------------------------------------------------------------------------------------
// Episode text styles
// ---------------------------------------------------------------------------------------------

/** en: sentence-case noun phrase; title: title-cased en; ar: Arabic noun phrase */
interface TopicText {
  en: string
  title: string
  ar: string
}

type Style =
  'talk' | 'doc' | 'drama' | 'learning' | 'cooking' | 'kids' | 'story' | 'show' | 'comedy' | 'music'

interface StyleText {
  /** parts: a topic spans consecutive episodes; revisit: a topic comes back later in the run */
  mode: 'parts' | 'revisit'
  intros: ReadonlyArray<(t: TopicText) => Localized>
  /** summary for the k-th (2 or 3) occurrence of a topic */
  repeat: (t: TopicText, k: number) => Localized
  /** title (without the "Episode n:" prefix) for the k-th occurrence in revisit mode */
  revisitTitle?: (t: TopicText, k: number) => Localized
  extras: readonly Localized[]
}

const ORDINAL_EN = ['zero', 'one', 'two', 'three']
const ORDINAL_AR = ['', 'الأول', 'الثاني', 'الثالث']

const ordinalEn = (k: number): string => ORDINAL_EN[k] ?? String(k)
const ordinalAr = (k: number): string => ORDINAL_AR[k] ?? String(k)

function revisitTitles(
  second: [string, string],
  third: [string, string],
): (t: TopicText, k: number) => Localized {
  return (t, k) => {
    const [en, ar] = k === 2 ? second : third
    return L(`${t.title}${en}`, `${t.ar}${ar}`)
  }
}

const STYLES: Record<Style, StyleText> = {
  talk: {
    mode: 'revisit',
    intros: [
      (t) =>
        L(
          `This episode digs into ${t.en}, with guests who know the subject inside out.`,
          `تتعمق هذه الحلقة في ${t.ar} بصحبة ضيوف من أهل الاختصاص.`,
        ),
      (t) =>
        L(
          `Our hosts unpack ${t.en}, separating popular myths from what the evidence actually shows.`,
          `يناقش مقدمو البرنامج ${t.ar}، ويفصلون بين الخرافات الشائعة وما تثبته الأدلة فعلًا.`,
        ),
      (t) =>
        L(
          `A wide-ranging conversation about ${t.en}, from the big picture down to the practical details.`,
          `حوار واسع حول ${t.ar}، من الصورة الكبرى إلى أدق التفاصيل العملية.`,
        ),
      (t) =>
        L(
          `We ask a simple question: what should we really know about ${t.en}? The answer runs deeper than you might expect.`,
          `نطرح سؤالًا بسيطًا: ما الذي يجب أن نعرفه حقًا عن ${t.ar}؟ والإجابة أعمق مما قد نتصور.`,
        ),
    ],
    repeat: (t, k) =>
      k === 2
        ? L(
            `We return to ${t.en} with new guests and the latest developments.`,
            `نعود إلى ${t.ar} مع ضيوف جدد وآخر المستجدات.`,
          )
        : L(
            `Your questions about ${t.en}, answered by our hosts and a returning guest.`,
            `نجيب عن أسئلتكم حول ${t.ar} بمشاركة مقدمي البرنامج وضيف سابق.`,
          ),
    revisitTitle: revisitTitles(
      [', Revisited', ': قراءة ثانية'],
      [': Listener Questions', ': أسئلة المستمعين'],
    ),
    extras: [
      L(
        'Along the way we hear from researchers, practitioners and listeners with their own stories to tell.',
        'ونستمع خلال الحلقة إلى باحثين وممارسين ومستمعين لديهم قصصهم الخاصة.',
      ),
      L(
        'It is a conversation that raises as many questions as it answers.',
        'إنه حوار يطرح من الأسئلة بقدر ما يقدّم من إجابات.',
      ),
      L(
        'We close with a few practical recommendations for anyone who wants to go further.',
        'ونختم ببعض التوصيات العملية لمن يرغب في التعمق أكثر.',
      ),
    ],
  },
  doc: {
    mode: 'parts',
    intros: [
      (t) =>
        L(
          `This episode turns to ${t.en}, drawing on archive material and first-hand testimony.`,
          `تتناول هذه الحلقة ${t.ar}، مستندةً إلى مواد أرشيفية وشهادات حية.`,
        ),
      (t) =>
        L(
          `Filmed on location, this episode explores ${t.en} through the eyes of those closest to the story.`,
          `صُوِّرت هذه الحلقة في مواقع الأحداث، وتستكشف ${t.ar} بعيون أقرب الناس إلى القصة.`,
        ),
      (t) =>
        L(
          `Between the archive and the field, the episode tells the story of ${t.en}.`,
          `بين الأرشيف والميدان، تروي الحلقة حكاية ${t.ar}.`,
        ),
    ],
    repeat: (t, k) =>
      L(
        `Part ${ordinalEn(k)} continues the story of ${t.en}, following new leads and new voices.`,
        `يواصل الجزء ${ordinalAr(k)} رواية قصة ${t.ar}، متتبعًا خيوطًا وأصواتًا جديدة.`,
      ),
    extras: [
      L(
        'Rare footage sits alongside new interviews recorded especially for the series.',
        'وتتجاور فيها لقطات نادرة مع مقابلات جديدة سُجِّلت خصيصًا للسلسلة.',
      ),
      L(
        'The result is a portrait that is both intimate and sweeping.',
        'والنتيجة صورة حميمة وواسعة الأفق في آن واحد.',
      ),
      L(
        'Experts and local witnesses help separate legend from the documented record.',
        'ويساعد خبراء وشهود محليون على التمييز بين الأسطورة والوقائع الموثقة.',
      ),
    ],
  },
  drama: {
    mode: 'parts',
    intros: [
      (t) =>
        L(
          `In “${t.title}”, old loyalties are tested and a secret finally comes to light.`,
          `في حلقة «${t.ar}» تُختبر الولاءات القديمة، ويخرج سرٌّ دفين إلى العلن أخيرًا.`,
        ),
      (t) =>
        L(
          `“${t.title}” raises the stakes as the characters face a choice they can no longer avoid.`,
          `ترتفع حدة الأحداث في حلقة «${t.ar}»، إذ تجد الشخصيات نفسها أمام خيار لم يعد ممكنًا تأجيله.`,
        ),
      (t) =>
        L(
          `A quieter chapter, “${t.title}” lets the story breathe before the next storm.`,
          `حلقة «${t.ar}» أكثر هدوءًا، تمنح القصة مساحة لالتقاط الأنفاس قبل العاصفة التالية.`,
        ),
    ],
    repeat: (t, k) =>
      L(
        `The story of “${t.title}” continues in part ${ordinalEn(k)}, picking up moments after the last cliffhanger.`,
        `تتواصل أحداث «${t.ar}» في الجزء ${ordinalAr(k)}، مباشرة بعد اللحظة المشوّقة التي انتهى عندها الجزء السابق.`,
      ),
    extras: [
      L('Nothing will be quite the same after tonight.', 'ولن يبقى شيء على حاله بعد هذه الليلة.'),
      L(
        'Small gestures carry enormous weight in this carefully paced episode.',
        'وتحمل التفاصيل الصغيرة في هذه الحلقة المتأنية وزنًا كبيرًا.',
      ),
      L(
        'Viewers who have followed from the start will spot more than one echo of earlier episodes.',
        'وسيلاحظ من تابع المسلسل منذ بدايته أكثر من صدى لحلقات سابقة.',
      ),
    ],
  },
  learning: {
    mode: 'parts',
    intros: [
      (t) =>
        L(
          `A step-by-step lesson on ${t.en}, easy to follow at home.`,
          `درس خطوة بخطوة حول ${t.ar}، يسهل اتباعه في المنزل.`,
        ),
      (t) =>
        L(
          `This lesson covers ${t.en}, starting from the basics and building up with clear examples.`,
          `يتناول هذا الدرس ${t.ar}، بدءًا من الأساسيات وصولًا إلى أمثلة واضحة.`,
        ),
      (t) =>
        L(
          `Everything you need to get started with ${t.en}, explained in plain language.`,
          `كل ما تحتاج إليه للبدء في ${t.ar}، بلغة بسيطة وواضحة.`,
        ),
    ],
    repeat: (t, k) =>
      L(
        `Part ${ordinalEn(k)} of our lesson on ${t.en}, building on the previous episode with new exercises.`,
        `الجزء ${ordinalAr(k)} من درسنا حول ${t.ar}، نبني فيه على الحلقة السابقة بتمارين جديدة.`,
      ),
    extras: [
      L(
        'No prior experience is needed; everything is explained from the ground up.',
        'لا تحتاج إلى أي خبرة سابقة، فكل شيء يُشرح من البداية.',
      ),
      L(
        'Pause the video whenever you like and practise along with the presenter.',
        'يمكنك إيقاف الفيديو متى شئت والتدرّب مع المقدّم خطوة بخطوة.',
      ),
      L(
        'A short recap at the end helps the key ideas stick.',
        'وفي النهاية ملخص قصير يساعد على ترسيخ الأفكار الأساسية.',
      ),
    ],
  },
  cooking: {
    mode: 'parts',
    intros: [
      (t) =>
        L(
          `In her own kitchen, our cook prepares ${t.en} and shares the little secrets passed down in her family.`,
          `في مطبخها، تحضّر ضيفتنا طبق ${t.ar}، وتكشف الأسرار الصغيرة التي توارثتها عائلتها.`,
        ),
      (t) =>
        L(
          `A patient, unhurried lesson in making ${t.en}, from the shopping list to the serving dish.`,
          `درس هادئ ومتأنٍّ في إعداد ${t.ar}، من قائمة المشتريات حتى التقديم.`,
        ),
      (t) =>
        L(
          `Today's recipe is ${t.en}, a dish that tastes of family gatherings and holidays.`,
          `وصفة اليوم هي ${t.ar}، طبق يحمل طعم اللقاءات العائلية والأعياد.`,
        ),
    ],
    repeat: (t, k) =>
      L(
        `Part ${ordinalEn(k)} of ${t.en}: we pick up where we left off, with the finishing touches.`,
        `الجزء ${ordinalAr(k)} من إعداد ${t.ar}: نكمل من حيث توقفنا، مع اللمسات الأخيرة.`,
      ),
    extras: [
      L(
        'Measurements are given the traditional way, by hand and by eye.',
        'تُعطى المقادير بالطريقة التقليدية، باليد والعين.',
      ),
      L(
        'All the ingredients are easy to find in most local markets.',
        'جميع المكونات متوفرة في معظم الأسواق المحلية.',
      ),
      L(
        'Along the way come stories of weddings, holidays and long-gone relatives.',
        'وترافق الطهي حكايات عن الأعراس والأعياد وأقارب رحلوا منذ زمن.',
      ),
    ],
  },
  kids: {
    mode: 'parts',
    intros: [
      (t) =>
        L(
          `Today's adventure is all about ${t.en}, full of songs, questions and giggles.`,
          `مغامرة اليوم تدور حول ${t.ar}، وهي مليئة بالأغاني والأسئلة والضحكات.`,
        ),
      (t) =>
        L(
          `A gentle, playful episode about ${t.en}, made for curious young minds.`,
          `حلقة هادئة ومرحة عن ${t.ar}، صُنعت للعقول الصغيرة الفضولية.`,
        ),
      (t) =>
        L(
          `Little ones learn about ${t.en} through a story, a song and a simple activity.`,
          `يتعرّف الصغار إلى ${t.ar} من خلال حكاية وأغنية ونشاط بسيط.`,
        ),
    ],
    repeat: (t, k) =>
      L(
        `Part ${ordinalEn(k)} of our adventure with ${t.en}, picking up right where we left off.`,
        `الجزء ${ordinalAr(k)} من مغامرتنا مع ${t.ar}، نكمل فيه من حيث توقفنا.`,
      ),
    extras: [
      L(
        'The episode ends with a simple experiment families can try together.',
        'وتنتهي الحلقة بتجربة بسيطة يمكن للعائلة أن تجربها معًا.',
      ),
      L(
        'Parents will find a short activity sheet on the programme page.',
        'ويجد الأهل ورقة أنشطة قصيرة في صفحة البرنامج.',
      ),
      L('Suitable for children aged five and over.', 'مناسبة للأطفال من سن الخامسة فما فوق.'),
    ],
  },
  story: {
    mode: 'parts',
    intros: [
      (t) =>
        L(
          `Today's story is about ${t.en}, told with songs, puppets and plenty of giggles.`,
          `حكاية اليوم عن ${t.ar}، تُروى بالأغاني والدمى والكثير من الضحك.`,
        ),
      (t) =>
        L(
          `Settle in for a gentle story about ${t.en}, perfect before bedtime.`,
          `استعدوا لحكاية هادئة عن ${t.ar}، مثالية قبل النوم.`,
        ),
      (t) =>
        L(
          `Our storyteller opens the big book to a tale about ${t.en}.`,
          `يفتح راوينا الكتاب الكبير على حكاية عن ${t.ar}.`,
        ),
    ],
    repeat: (t, k) =>
      L(
        `Part ${ordinalEn(k)} of the story about ${t.en}: what happens next?`,
        `الجزء ${ordinalAr(k)} من حكاية ${t.ar}: ماذا سيحدث بعد ذلك؟`,
      ),
    extras: [
      L(
        'The owl puppet has a question for everyone watching at home.',
        'ولدى دمية البومة سؤال لكل من يشاهد من المنزل.',
      ),
      L(
        'A calm song closes the episode, ready for lights out.',
        'وتُختتم الحلقة بأغنية هادئة تمهيدًا لإطفاء الأنوار.',
      ),
      L('Best enjoyed snuggled up with a grown-up.', 'ويحلو الاستمتاع بها في حضن أحد الكبار.'),
    ],
  },
  show: {
    mode: 'revisit',
    intros: [
      (t) =>
        L(
          `Today's programme covers ${t.en}, with studio guests and short explainers.`,
          `تتناول حلقة اليوم ${t.ar}، مع ضيوف في الاستوديو وشروح موجزة.`,
        ),
      (t) =>
        L(
          `The team looks at ${t.en} and takes questions from the audience.`,
          `يناقش فريق البرنامج ${t.ar} ويجيب عن أسئلة الجمهور.`,
        ),
      (t) =>
        L(
          `In this edition: ${t.en}, through the eyes of specialists who follow the subject closely.`,
          `في هذه الحلقة: ${t.ar}، بعيون متخصصين يتابعون الموضوع عن كثب.`,
        ),
    ],
    repeat: (t, k) =>
      k === 2
        ? L(
            `Back by popular demand: another look at ${t.en}, with fresh perspectives.`,
            `بناءً على طلب الجمهور، نعود مجددًا إلى ${t.ar} بوجهات نظر جديدة.`,
          )
        : L(
            `Viewers' questions about ${t.en}, answered in the studio.`,
            `نجيب في الاستوديو عن أسئلة المشاهدين حول ${t.ar}.`,
          ),
    revisitTitle: revisitTitles(
      [', Revisited', ': عودة إلى الموضوع'],
      [": Viewers' Questions", ': أسئلة المشاهدين'],
    ),
    extras: [
      L(
        'Expect lively debate and plenty of practical takeaways.',
        'ترقّبوا نقاشًا حيويًا والكثير من الخلاصات العملية.',
      ),
      L(
        'Guests join us in the studio and by video link.',
        'ينضم إلينا الضيوف في الاستوديو وعبر الاتصال المرئي.',
      ),
      L('A short recap at the end sums up the key points.', 'وفي الختام ملخص قصير لأهم النقاط.'),
    ],
  },
  comedy: {
    mode: 'revisit',
    intros: [
      (t) =>
        L(
          `The comedians take on ${t.en}, and nobody in the audience is safe.`,
          `يتناول الكوميديون ${t.ar} بسخرية لاذعة، ولا أحد من الجمهور في مأمن.`,
        ),
      (t) =>
        L(
          `A night of stand-up about ${t.en}, with sketches, improvised bits and a surprise guest.`,
          `أمسية من الكوميديا حول ${t.ar}، مع مشاهد قصيرة وفقرات مرتجلة وضيف مفاجئ.`,
        ),
      (t) =>
        L(
          `Three comedians, one subject: ${t.en}. The audience decides who wins.`,
          `ثلاثة كوميديين وموضوع واحد: ${t.ar}. والجمهور يختار الفائز.`,
        ),
    ],
    repeat: (t, k) =>
      k === 2
        ? L(
            `Round two: the comedians return to ${t.en} with brand-new material.`,
            `الجولة الثانية: يعود الكوميديون إلى ${t.ar} بمواد جديدة كليًا.`,
          )
        : L(
            `The best of the audience's own stories about ${t.en}, performed on stage.`,
            `أفضل ما أرسله الجمهور من قصص عن ${t.ar}، تُقدَّم على المسرح.`,
          ),
    revisitTitle: revisitTitles(
      [': Round Two', ': الجولة الثانية'],
      [': Audience Stories', ': حكايات الجمهور'],
    ),
    extras: [
      L('Recorded in front of a live audience.', 'سُجِّلت الحلقة أمام جمهور حي.'),
      L(
        'Some jokes may not be suitable for younger viewers.',
        'قد لا تناسب بعض النكات المشاهدين الصغار.',
      ),
      L(
        'Stay until the end for the outtakes.',
        'ابقوا معنا حتى النهاية لمشاهدة اللقطات الطريفة من الكواليس.',
      ),
    ],
  },
  music: {
    mode: 'revisit',
    intros: [
      (t) =>
        L(
          `Live from the studio: a session devoted to ${t.en}, with performances and conversation.`,
          `من قلب الاستوديو: جلسة موسيقية حول ${t.ar}، تجمع بين العزف الحي والحوار.`,
        ),
      (t) =>
        L(
          `Our guests perform a set built around ${t.en}, then talk about how the music was made.`,
          `يقدّم ضيوفنا عرضًا حيًا يدور حول ${t.ar}، ثم يتحدثون عن كواليس صناعة هذه الموسيقى.`,
        ),
    ],
    repeat: (t, k) =>
      k === 2
        ? L(
            `Back by popular demand: a second session exploring ${t.en}, with new guests.`,
            `بناءً على طلب الجمهور، جلسة ثانية حول ${t.ar} مع ضيوف جدد.`,
          )
        : L(
            `A third session on ${t.en}, featuring collaborations between past guests.`,
            `جلسة ثالثة حول ${t.ar}، تجمع ضيوفًا سابقين في أعمال مشتركة.`,
          ),
    revisitTitle: revisitTitles(
      [': Second Session', ': الجلسة الثانية'],
      [': Third Session', ': الجلسة الثالثة'],
    ),
    extras: [
      L('Every song was recorded live, in a single take.', 'سُجِّلت كل الأغاني مباشرة ودفعة واحدة.'),
      L(
        'The conversation ranges from first lessons to life on the road.',
        'ويمتد الحوار من الدروس الأولى إلى حياة الترحال بين الحفلات.',
      ),
      L(
        'Listen with headphones for the full sound of the room.',
        'استمعوا بسماعات الرأس لتعيشوا صوت القاعة كاملًا.',
      ),
    ],
  },
}

function closings(mode: StyleText['mode'], title: Localized): Localized[] {
  return [
    mode === 'parts'
      ? L(
          `New to ${title.en}? We recommend starting from episode 1.`,
          `هل أنت جديد على «${title.ar}»؟ ننصحك بالبدء من الحلقة الأولى.`,
        )
      : L(
          `Every episode of ${title.en} stands on its own, so this is a good place to start.`,
          `كل حلقة من «${title.ar}» قائمة بذاتها، لذا يمكنك البدء من هنا.`,
        ),
    L(
      `Credits and further information are available on the ${title.en} page.`,
      `تجدون أسماء فريق العمل ومعلومات إضافية في صفحة «${title.ar}».`,
    ),
    L(
      `Follow ${title.en} to be notified when new episodes are released.`,
      `تابعوا «${title.ar}» ليصلكم إشعار عند نشر حلقات جديدة.`,
    ),
  ]
}

// ---------------------------------------------------------------------------------------------
// Hand-written program concepts
// ---------------------------------------------------------------------------------------------

type Topic = readonly [en: string, ar: string]

interface Concept {
  slug: string
  format: ProgramFormat
  style: Style
  language: string
  categories: string[]
  tags: string[]
  title: Localized
  summary: Localized
  description: Localized
  /** typical episode length in minutes (kept inside the format limits) */
  minutes: readonly [number, number]
  /** days between episodes */
  cadence: number
  seasons?: number
  status?: SeedStatus
  featured?: { rank: number; untilISO?: string }
  /** share of episodes flagged explicit */
  explicitRate?: number
  topics: readonly Topic[]
}

const CONCEPTS: readonly Concept[] = [
  // ----------------------------------------------------------------------------- podcasts
  {
    slug: 'the-long-view',
    format: 'podcast',
    style: 'talk',
    language: 'en',
    categories: ['history'],
    tags: ['history', 'empires', 'archives', 'ideas'],
    featured: { rank: 3 },
    minutes: [40, 70],
    cadence: 14,
    title: L('The Long View', 'بعين التاريخ'),
    summary: L(
      'Historians take one moment from the past and follow its consequences across the centuries.',
      'مؤرخون يختارون لحظة واحدة من الماضي ويتتبعون آثارها عبر القرون.',
    ),
    description: L(
      'Every fortnight, The Long View picks a single event, invention or decision and traces how it shaped the world we live in today.\n\nOur guests are historians, archaeologists and archivists who bring primary sources to the conversation, from merchants’ letters to court records.',
      'كل أسبوعين، يختار بودكاست «بعين التاريخ» حدثًا أو اختراعًا أو قرارًا واحدًا، ويتتبع كيف أسهم في تشكيل العالم الذي نعيش فيه اليوم.\n\nضيوفنا مؤرخون وعلماء آثار وأمناء أرشيف يحملون إلى الحوار مصادر أصلية، من رسائل التجار إلى سجلات المحاكم.',
    ),
    topics: [
      ['the fall of Constantinople', 'سقوط القسطنطينية'],
      ['the invention of paper money', 'اختراع النقود الورقية'],
      ['the Black Death and the medieval economy', 'الطاعون الأسود واقتصاد العصور الوسطى'],
      ['the Library of Alexandria', 'مكتبة الإسكندرية'],
      ['the Suez Canal and global trade', 'قناة السويس والتجارة العالمية'],
      ['the printing press in the Islamic world', 'المطبعة في العالم الإسلامي'],
      ['the year without a summer', 'العام الذي بلا صيف'],
      ['the spice trade of the Indian Ocean', 'تجارة التوابل في المحيط الهندي'],
      ['the Great Exhibition of 1851', 'المعرض الكبير عام 1851'],
      ['the first modern census', 'أول تعداد حديث للسكان'],
      ['the coffeehouses of Istanbul', 'مقاهي إسطنبول'],
    ],
  },
  {
    slug: 'signal-and-noise',
    format: 'podcast',
    style: 'talk',
    language: 'en',
    categories: ['technology', 'science'],
    tags: ['technology', 'ai', 'internet', 'privacy'],
    minutes: [30, 55],
    cadence: 7,
    title: L('Signal and Noise', 'الإشارة والضجيج'),
    summary: L(
      'A clear-headed weekly guide to the technology stories that actually matter.',
      'دليل أسبوعي رصين إلى أخبار التكنولوجيا التي تستحق الاهتمام فعلًا.',
    ),
    description: L(
      'Signal and Noise cuts through product launches and hype cycles to ask what new technology really changes for ordinary people.\n\nEach week we speak with engineers, researchers and critics, and we try to leave you with one idea worth keeping.',
      'يتجاوز بودكاست «الإشارة والضجيج» صخب إطلاق المنتجات وموجات الترويج، ليسأل عمّا تغيّره التقنيات الجديدة فعلًا في حياة الناس العاديين.\n\nنحاور كل أسبوع مهندسين وباحثين ونقادًا، ونسعى إلى أن نترك لكم فكرة واحدة تستحق الاحتفاظ بها.',
    ),
    topics: [
      ['the hidden cost of free apps', 'التكلفة الخفية للتطبيقات المجانية'],
      ['the way large language models are trained', 'طريقة تدريب النماذج اللغوية الكبيرة'],
      ['undersea cables and the physical internet', 'الكابلات البحرية والبنية المادية للإنترنت'],
      ['passwords and the future of logging in', 'كلمات المرور ومستقبل تسجيل الدخول'],
      ['the right to repair', 'الحق في الإصلاح'],
      ['recommendation algorithms', 'خوارزميات التوصية'],
      ['data centres and the energy bill', 'مراكز البيانات وفاتورة الطاقة'],
      ['open-source software', 'البرمجيات مفتوحة المصدر'],
      ['deepfakes and the crisis of trust', 'التزييف العميق وأزمة الثقة'],
      ['the chip supply chain', 'سلاسل توريد الرقائق الإلكترونية'],
      ['digital privacy for families', 'الخصوصية الرقمية للعائلات'],
    ],
  },
  {
    slug: 'house-of-wisdom',
    format: 'podcast',
    style: 'talk',
    language: 'ar',
    categories: ['science', 'history'],
    tags: ['science', 'history-of-science', 'golden-age', 'astronomy'],
    minutes: [35, 60],
    cadence: 14,
    title: L('House of Wisdom', 'بيت الحكمة'),
    summary: L(
      'Stories of the scholars, instruments and ideas of the classical Arabic scientific tradition.',
      'حكايات العلماء والأدوات والأفكار في التراث العلمي العربي الكلاسيكي.',
    ),
    description: L(
      'House of Wisdom revisits the astronomers, physicians and mathematicians who worked in Baghdad, Cairo, Córdoba and beyond.\n\nWith historians of science, we read their manuscripts closely and ask how their discoveries travelled into the modern world.',
      'يعود بودكاست «بيت الحكمة» إلى الفلكيين والأطباء والرياضيين الذين عملوا في بغداد والقاهرة وقرطبة وغيرها.\n\nونقرأ مع مؤرخي العلوم مخطوطاتهم عن قرب، ونسأل كيف انتقلت اكتشافاتهم إلى العالم الحديث.',
    ),
    topics: [
      ['al-Khwarizmi and the birth of algebra', 'الخوارزمي ونشأة علم الجبر'],
      ['Ibn al-Haytham and the science of optics', 'ابن الهيثم وعلم البصريات'],
      ['the astrolabe', 'الإسطرلاب'],
      ['the hospitals of medieval Baghdad', 'بيمارستانات بغداد في العصور الوسطى'],
      ['al-Biruni and the size of the Earth', 'البيروني وقياس حجم الأرض'],
      ['the great translation movement', 'حركة الترجمة الكبرى'],
      ["Ibn Sina's Canon of Medicine", 'كتاب القانون في الطب لابن سينا'],
      ['the water clocks of al-Jazari', 'الساعات المائية عند الجزري'],
      ['the Maragha observatory', 'مرصد مراغة'],
      ['the journey of Arabic numerals to Europe', 'انتقال الأرقام العربية إلى أوروبا'],
    ],
  },
  {
    slug: 'the-balance-sheet',
    format: 'podcast',
    style: 'talk',
    language: 'en',
    categories: ['business'],
    tags: ['business', 'markets', 'economics', 'personal-finance'],
    status: 'draft',
    minutes: [25, 45],
    cadence: 7,
    title: L('The Balance Sheet', 'الميزانية'),
    summary: L(
      'Plain-spoken conversations about money, markets and the companies behind the headlines.',
      'أحاديث صريحة عن المال والأسواق والشركات التي تتصدر العناوين.',
    ),
    description: L(
      'The Balance Sheet explains the economy without the jargon, one company or market at a time.\n\nExpect interviews with founders, analysts and economists, plus a regular segment answering listeners’ questions about their own finances.',
      'يشرح بودكاست «الميزانية» الاقتصاد بعيدًا عن المصطلحات المعقدة، متناولًا شركة واحدة أو سوقًا واحدة في كل مرة.\n\nترقّبوا مقابلات مع مؤسسي شركات ومحللين واقتصاديين، إلى جانب فقرة منتظمة نجيب فيها عن أسئلة المستمعين حول شؤونهم المالية.',
    ),
    topics: [
      ['the mechanics of inflation', 'آليات التضخم'],
      ['the rise of the subscription economy', 'صعود اقتصاد الاشتراكات'],
      ['family businesses and succession', 'الشركات العائلية وانتقال القيادة'],
      ['central banks and interest rates', 'البنوك المركزية وأسعار الفائدة'],
      ['the economics of football clubs', 'اقتصاديات أندية كرة القدم'],
      ['remittances and migrant economies', 'التحويلات المالية واقتصادات المهاجرين'],
      ['the gig economy', 'اقتصاد العمل الحر'],
      ['shipping costs and supply chains', 'تكاليف الشحن وسلاسل الإمداد'],
      ['the psychology of saving', 'سيكولوجية الادخار'],
      ['sovereign wealth funds', 'صناديق الثروة السيادية'],
    ],
  },
  {
    slug: 'voices-of-the-city',
    format: 'podcast',
    style: 'talk',
    language: 'ar',
    categories: ['society-culture', 'travel'],
    tags: ['cities', 'oral-history', 'society', 'urban-life'],
    minutes: [25, 40],
    cadence: 14,
    title: L('Voices of the City', 'أصوات المدينة'),
    summary: L(
      'Residents of Arab cities tell the stories of their neighbourhoods in their own words.',
      'سكان المدن العربية يروون حكايات أحيائهم بأصواتهم.',
    ),
    description: L(
      'Voices of the City travels from Casablanca to Muscat, recording the people who keep urban life going: bakers, bus drivers, teachers and night-shift nurses.\n\nEach episode is built around long interviews and the sounds of the street, with minimal narration.\n\nThe series is produced in Arabic, with transcripts available on the programme page.',
      'ينتقل بودكاست «أصوات المدينة» من الدار البيضاء إلى مسقط، مسجّلًا أصوات من يُبقون الحياة في المدن نابضة: الخبازين وسائقي الحافلات والمعلمين وممرضات النوبات الليلية.\n\nتُبنى كل حلقة على مقابلات مطوّلة وأصوات الشارع، مع أقل قدر ممكن من السرد.\n\nيُنتَج البرنامج باللغة العربية، وتتوفر النصوص المكتوبة للحلقات في صفحة البرنامج.',
    ),
    topics: [
      ['the night markets of Marrakesh', 'الأسواق الليلية في مراكش'],
      ['the old port of Alexandria', 'الميناء القديم في الإسكندرية'],
      ['the morning bakeries of Amman', 'المخابز الصباحية في عمّان'],
      ['the rooftops of Cairo', 'أسطح القاهرة'],
      ['the souqs of Muscat', 'أسواق مسقط'],
      ['street football in Tunis', 'كرة القدم في شوارع تونس'],
      ['the bookshops of Beirut', 'مكتبات بيروت'],
      ["the stories of Riyadh's taxi drivers", 'حكايات سائقي سيارات الأجرة في الرياض'],
      ["the fishermen's harbour of Sidon", 'مرفأ الصيادين في صيدا'],
      ['weddings in Khartoum', 'الأعراس في الخرطوم'],
      ['the cafés of Mutanabbi Street in Baghdad', 'مقاهي شارع المتنبي في بغداد'],
    ],
  },
  {
    slug: 'mind-matters',
    format: 'podcast',
    style: 'talk',
    language: 'en',
    categories: ['health', 'science'],
    tags: ['mental-health', 'psychology', 'wellbeing', 'sleep'],
    minutes: [30, 50],
    cadence: 14,
    title: L('Mind Matters', 'شؤون العقل'),
    summary: L(
      'Psychologists and clinicians on the science of everyday mental health.',
      'أخصائيون نفسيون وأطباء يتحدثون عن علم الصحة النفسية في حياتنا اليومية.',
    ),
    description: L(
      'Mind Matters translates the latest research in psychology and psychiatry into advice you can actually use.\n\nWe talk openly about anxiety, sleep, grief and burnout, always alongside qualified experts. The podcast is not a substitute for professional care.',
      'يترجم بودكاست «شؤون العقل» أحدث الأبحاث في علم النفس والطب النفسي إلى نصائح قابلة للتطبيق.\n\nنتحدث بصراحة عن القلق والنوم والحزن والاحتراق الوظيفي، دائمًا بصحبة خبراء مؤهلين. ولا يُغني البودكاست عن الرعاية المتخصصة.',
    ),
    topics: [
      ['the science of sleep', 'علم النوم'],
      ['anxiety at work', 'القلق في بيئة العمل'],
      ['grief and how we carry it', 'الحزن وكيف نتعايش معه'],
      ['screen time and attention', 'وقت الشاشة والانتباه'],
      ['burnout and recovery', 'الاحتراق الوظيفي والتعافي منه'],
      ['loneliness in a connected world', 'الوحدة في عالم متصل'],
      ['the placebo effect', 'تأثير الدواء الوهمي'],
      ['habits and willpower', 'العادات وقوة الإرادة'],
      ['common myths about therapy', 'المفاهيم الخاطئة الشائعة عن العلاج النفسي'],
      ['exercise and mood', 'الرياضة والمزاج'],
      ['parenting teenagers', 'تربية المراهقين'],
    ],
  },
  {
    slug: 'cold-files',
    format: 'podcast',
    style: 'talk',
    language: 'en',
    categories: ['true-crime'],
    tags: ['true-crime', 'investigation', 'justice', 'mystery'],
    explicitRate: 0.4,
    minutes: [45, 85],
    cadence: 14,
    title: L('Cold Files', 'ملفات لم تُغلق'),
    summary: L(
      'Journalists reopen unsolved cases and the lives they changed.',
      'صحفيون يعيدون فتح قضايا لم تُحل، ويروون كيف غيّرت حياة أصحابها.',
    ),
    description: L(
      'Cold Files revisits cases that were never fully resolved, drawing on court documents, police archives and interviews with the people closest to them.\n\nWe focus on the victims and their families, and we correct the record where earlier coverage got it wrong.\n\nSome episodes contain descriptions of violence and may not be suitable for all listeners.',
      'يعود بودكاست «ملفات لم تُغلق» إلى قضايا لم تُحسم بالكامل، مستندًا إلى وثائق المحاكم وأرشيف الشرطة ومقابلات مع أقرب الناس إليها.\n\nنركّز على الضحايا وعائلاتهم، ونصحّح الوقائع حيث أخطأت التغطيات السابقة.\n\nتتضمن بعض الحلقات وصفًا للعنف، وقد لا تكون مناسبة لجميع المستمعين.',
    ),
    topics: [
      ['the disappearance of the lighthouse keepers', 'لغز اختفاء حراس المنارة'],
      ['the museum paintings heist', 'سرقة لوحات المتحف'],
      ['the case of the forged will', 'قضية الوصية المزوّرة'],
      ['the night train robbery', 'السطو على قطار الليل'],
      ['the lost cargo of the Aurora', 'الحمولة المفقودة للسفينة أورورا'],
      ['the harbour fire of 1987', 'حريق الميناء عام 1987'],
      ['the vanished heiress', 'لغز الوريثة المختفية'],
      ['the letter from prison', 'الرسالة القادمة من السجن'],
      ['the wrong man', 'قضية المتهم البريء'],
      ['the mountain road accident', 'حادث الطريق الجبلي'],
      ['the counterfeit coin ring', 'شبكة تزييف العملات'],
    ],
  },
  {
    slug: 'the-lab',
    format: 'podcast',
    style: 'talk',
    language: 'ar',
    categories: ['science', 'nature-environment'],
    tags: ['science', 'research', 'space', 'environment'],
    minutes: [30, 50],
    cadence: 7,
    title: L('The Lab', 'المختبر'),
    summary: L(
      'Arab scientists explain their research, from particle physics to desert agriculture.',
      'علماء عرب يشرحون أبحاثهم، من فيزياء الجسيمات إلى الزراعة الصحراوية.',
    ),
    description: L(
      'The Lab invites a researcher into the studio each week to explain one question they are trying to answer, and why it matters.\n\nConversations are in Arabic and aimed at curious listeners, with no scientific background required.',
      'يستضيف بودكاست «المختبر» كل أسبوع باحثًا أو باحثة لشرح سؤال واحد يسعى للإجابة عنه، ولماذا يهمنا ذلك.\n\nتدور الحوارات باللغة العربية وتخاطب المستمعين الفضوليين، ولا تتطلب أي خلفية علمية.',
    ),
    topics: [
      ['desalination and the future of water', 'تحلية المياه ومستقبل الموارد المائية'],
      ['the genetics of the date palm', 'علم الوراثة في نخيل التمر'],
      ['the Hope probe and the Martian atmosphere', 'مسبار الأمل والغلاف الجوي للمريخ'],
      ['the coral reefs of the Red Sea', 'الشعاب المرجانية في البحر الأحمر'],
      ['solar energy in the desert', 'الطاقة الشمسية في الصحراء'],
      ['antibiotic resistance', 'مقاومة المضادات الحيوية'],
      ['earthquakes and early warning systems', 'الزلازل وأنظمة الإنذار المبكر'],
      ['the chemistry of perfume', 'كيمياء العطور'],
      ['dust storms', 'العواصف الترابية'],
      ['quantum computing', 'الحوسبة الكمومية'],
      ['the genetics of camels', 'علم الوراثة لدى الإبل'],
    ],
  },
  {
    slug: 'the-round-table',
    format: 'podcast',
    style: 'talk',
    language: 'fr',
    categories: ['news-politics'],
    tags: ['politics', 'debate', 'europe', 'mediterranean'],
    minutes: [45, 75],
    cadence: 7,
    title: L('The Round Table', 'الطاولة المستديرة'),
    summary: L(
      'A French-language weekly debate on politics around the Mediterranean.',
      'نقاش أسبوعي باللغة الفرنسية حول السياسة في حوض المتوسط.',
    ),
    description: L(
      'Four journalists from both shores of the Mediterranean sit down each week to debate the stories shaping the region.\n\nThe conversation is in French; episode notes are available in English and Arabic.',
      'يجتمع أربعة صحفيين من ضفتي المتوسط كل أسبوع لمناقشة القضايا التي ترسم ملامح المنطقة.\n\nيدور الحوار باللغة الفرنسية، وتتوفر ملاحظات الحلقات بالإنجليزية والعربية.',
    ),
    topics: [
      ['migration policy in Europe', 'سياسات الهجرة في أوروبا'],
      ['elections in the Maghreb', 'الانتخابات في المغرب العربي'],
      ['energy deals across the Mediterranean', 'صفقات الطاقة عبر المتوسط'],
      ['press freedom', 'حرية الصحافة'],
      ['youth unemployment', 'بطالة الشباب'],
      ['climate change and the coastline', 'التغير المناخي والسواحل المهددة'],
      ['tourism after the pandemic', 'السياحة بعد الجائحة'],
      ['the future of the euro', 'مستقبل اليورو'],
      ['disputes over water', 'النزاعات على المياه'],
      ['cities and local democracy', 'المدن والديمقراطية المحلية'],
    ],
  },
  {
    slug: 'start-small',
    format: 'podcast',
    style: 'talk',
    language: 'ar',
    categories: ['business'],
    tags: ['entrepreneurship', 'startups', 'small-business'],
    minutes: [25, 45],
    cadence: 14,
    title: L('Start Small', 'ابدأ صغيرًا'),
    summary: L(
      'Founders of small Arab businesses share what worked, what failed and what they would do differently.',
      'مؤسسو مشاريع عربية صغيرة يتحدثون عمّا نجح وما فشل، وما كانوا سيفعلونه بشكل مختلف.',
    ),
    description: L(
      'Start Small is a podcast for anyone thinking about launching a business, from a home kitchen to a neighbourhood shop.\n\nOur guests talk frankly about money, family, mistakes and the small decisions that made the difference.',
      '«ابدأ صغيرًا» بودكاست لكل من يفكر في إطلاق مشروعه الخاص، من مطبخ منزلي إلى متجر في الحي.\n\nيتحدث ضيوفنا بصراحة عن المال والعائلة والأخطاء، وعن القرارات الصغيرة التي صنعت الفارق.',
    ),
    topics: [
      ['the first customer', 'العميل الأول'],
      ['pricing your first product', 'تسعير منتجك الأول'],
      ['hiring the first employee', 'توظيف الموظف الأول'],
      ['family money and the family business', 'أموال العائلة ومشروع العائلة'],
      ['selling online', 'البيع عبر الإنترنت'],
      ['cash-flow crises', 'أزمات السيولة'],
      ['the art of negotiation', 'فن التفاوض'],
      ['franchising', 'نظام الامتياز التجاري'],
      ['building a brand on a small budget', 'بناء علامة تجارية بميزانية محدودة'],
      ['the decision to walk away', 'قرار الانسحاب في الوقت المناسب'],
    ],
  },
  {
    slug: 'kitchen-table-stories',
    format: 'podcast',
    style: 'talk',
    language: 'en',
    categories: ['food', 'society-culture'],
    tags: ['food', 'cooking', 'family', 'culture'],
    minutes: [20, 35],
    cadence: 14,
    title: L('Kitchen Table Stories', 'حكايات على مائدة المطبخ'),
    summary: L(
      'Every dish has a family behind it. We ask home cooks to tell us theirs.',
      'وراء كل طبق عائلة، ونحن نطلب من الطهاة في البيوت أن يرووا لنا حكاياتهم.',
    ),
    description: L(
      'Kitchen Table Stories records conversations in home kitchens around the world while a family recipe is being made.\n\nWe talk about migration, memory and the arguments that break out over how much salt to add.',
      'يسجّل بودكاست «حكايات على مائدة المطبخ» أحاديث في مطابخ البيوت حول العالم أثناء إعداد وصفة عائلية.\n\nنتحدث عن الهجرة والذاكرة، وعن الخلافات التي تنشب حول مقدار الملح المناسب.',
    ),
    topics: [
      ["a grandmother's maqluba", 'مقلوبة الجدّة'],
      ['the bread ovens of Lebanon', 'أفران الخبز في لبنان'],
      ['Friday couscous', 'كسكسي يوم الجمعة'],
      ['the spice markets of Kerala', 'أسواق التوابل في ولاية كيرالا'],
      ['Ramadan kitchens', 'مطابخ رمضان'],
      ['the family olive harvest', 'موسم قطاف الزيتون العائلي'],
      ['pickling and preserving', 'التخليل وحفظ الطعام'],
      ['the perfect cup of Arabic coffee', 'فنجان القهوة العربية المثالي'],
      ['street food in Mexico City', 'أطعمة الشارع في مدينة مكسيكو'],
      ['wedding feasts', 'ولائم الأعراس'],
      ['the art of fermentation', 'فن التخمير'],
    ],
  },
  {
    slug: 'tales-of-the-subcontinent',
    format: 'podcast',
    style: 'talk',
    language: 'ur',
    categories: ['history', 'society-culture'],
    tags: ['south-asia', 'history', 'storytelling', 'urdu'],
    minutes: [25, 45],
    cadence: 14,
    title: L('Tales of the Subcontinent', 'حكايات شبه القارة'),
    summary: L(
      'An Urdu-language storytelling podcast about the people and places of South Asian history.',
      'بودكاست قصصي باللغة الأردية عن شخصيات جنوب آسيا وأماكنها عبر التاريخ.',
    ),
    description: L(
      'Inspired by the subcontinent’s old tradition of oral storytelling, each episode brings one chapter of South Asian history to life.\n\nThe narration is in Urdu, with music recorded in Lahore and Delhi.',
      'يستلهم البرنامج تقاليد الحكي الشفهي العريقة في شبه القارة الهندية، ليُحيي في كل حلقة فصلًا من تاريخ جنوب آسيا.\n\nيأتي السرد باللغة الأردية، مصحوبًا بموسيقى سُجِّلت في لاهور ودلهي.',
    ),
    topics: [
      ['the building of the Taj Mahal', 'بناء تاج محل'],
      ['the poets of Delhi', 'شعراء دلهي'],
      ['the Grand Trunk Road', 'الطريق الجذعي الكبير'],
      ['the gardens of Lahore', 'حدائق لاهور'],
      ['miniature painting at the Mughal court', 'فن المنمنمات في البلاط المغولي'],
      ['the spice ports of Gujarat', 'موانئ التوابل في كجرات'],
      ['the partition of 1947', 'تقسيم شبه القارة عام 1947'],
      ['music at the court of Lucknow', 'الموسيقى في بلاط لكناو'],
      ["Ghalib's letters", 'رسائل غالب'],
      ['the monsoon and the harvest', 'الرياح الموسمية ومواسم الحصاد'],
    ],
  },
  // ----------------------------------------------------------------------------- documentaries
  {
    slug: 'rivers-of-life',
    format: 'documentary',
    style: 'doc',
    language: 'en',
    categories: ['nature-environment', 'travel'],
    tags: ['nature', 'rivers', 'climate', 'wildlife'],
    featured: { rank: 4, untilISO: '2031-06-30T00:00:00.000Z' },
    seasons: 2,
    minutes: [48, 58],
    cadence: 7,
    title: L('Rivers of Life', 'أنهار الحياة'),
    summary: L(
      'A documentary journey along the great rivers that feed civilisations and ecosystems.',
      'رحلة وثائقية على امتداد الأنهار العظيمة التي تغذي الحضارات والنظم البيئية.',
    ),
    description: L(
      'From the source of the Blue Nile to the delta of the Mekong, Rivers of Life follows water through landscapes, cities and farms.\n\nFilmed over three years, the series meets the scientists, farmers and fishers whose futures depend on rivers that are changing fast.',
      'من منابع النيل الأزرق إلى دلتا نهر ميكونغ، تتتبع سلسلة «أنهار الحياة» مسار المياه عبر المناظر الطبيعية والمدن والحقول.\n\nصُوِّرت السلسلة على مدى ثلاث سنوات، وتلتقي بعلماء ومزارعين وصيادين يرتبط مستقبلهم بأنهار تتغير بسرعة.',
    ),
    topics: [
      ['the source of the Blue Nile', 'منابع النيل الأزرق'],
      ['the marshes of the Tigris and Euphrates', 'أهوار دجلة والفرات'],
      ['the Mekong delta', 'دلتا نهر ميكونغ'],
      ['the Amazon flood season', 'موسم فيضان الأمازون'],
      ['the Danube and its cities', 'نهر الدانوب ومدنه'],
      ['the Ganges at dawn', 'نهر الغانج عند الفجر'],
      ['the drying of the Colorado River', 'جفاف نهر كولورادو'],
      ['the salmon run of the Yukon', 'هجرة السلمون في نهر يوكون'],
      ['the inland delta of the Niger', 'دلتا النيجر الداخلية'],
      ['the Jordan River', 'نهر الأردن'],
      ['dams and the communities downstream', 'السدود والمجتمعات الواقعة عند المصب'],
    ],
  },
  {
    slug: 'along-the-silk-roads',
    format: 'documentary',
    style: 'doc',
    language: 'ar',
    categories: ['history', 'travel'],
    tags: ['silk-road', 'history', 'travel', 'trade'],
    featured: { rank: 1 },
    seasons: 3,
    minutes: [45, 55],
    cadence: 7,
    title: L('Along the Silk Roads', 'على طرق الحرير'),
    summary: L(
      'An epic documentary retracing the trade routes that linked China, the Arab world and Europe.',
      'ملحمة وثائقية تعيد رسم طرق التجارة التي ربطت الصين بالعالم العربي وأوروبا.',
    ),
    description: L(
      'Along the Silk Roads follows caravans, ships and ideas across two thousand years and more than a dozen countries.\n\nPresented in Arabic, the series combines archaeology, travel and storytelling, visiting caravanserais, ports and markets that still bear the marks of ancient trade.\n\nEach season covers a different stretch of the route, from the deserts of Central Asia to the harbours of the Indian Ocean.',
      'تتتبع سلسلة «على طرق الحرير» القوافل والسفن والأفكار عبر ألفي عام وأكثر من عشرة بلدان.\n\nتجمع السلسلة، التي تُقدَّم باللغة العربية، بين علم الآثار والرحلات وفن الحكي، وتزور خانات وموانئ وأسواقًا لا تزال تحمل بصمات التجارة القديمة.\n\nيغطي كل موسم جزءًا مختلفًا من الطريق، من صحارى آسيا الوسطى إلى موانئ المحيط الهندي.',
    ),
    topics: [
      ['the caravanserais of Iran', 'خانات القوافل في إيران'],
      ['Samarkand, city of scholars', 'سمرقند مدينة العلماء'],
      ["the silk workshops of Xi'an", 'ورش الحرير في شيان'],
      ['the port of Siraf', 'ميناء سيراف'],
      ['Palmyra and the desert trade', 'تدمر وتجارة الصحراء'],
      ['the incense route of Arabia', 'طريق البخور في جزيرة العرب'],
      ['the covered markets of Aleppo', 'أسواق حلب المسقوفة'],
      ['the monsoon sailors of Oman', 'بحارة عُمان والرياح الموسمية'],
      ['the Sunday market of Kashgar', 'سوق الأحد في كاشغر'],
      ['Venice and the eastern trade', 'البندقية وتجارة الشرق'],
      ["paper's journey west", 'رحلة الورق نحو الغرب'],
    ],
  },
  {
    slug: 'desert-architects',
    format: 'documentary',
    style: 'doc',
    language: 'ar',
    categories: ['arts', 'history'],
    tags: ['architecture', 'design', 'heritage', 'desert'],
    minutes: [40, 52],
    cadence: 7,
    title: L('Desert Architects', 'معماريو الصحراء'),
    summary: L(
      'How builders in the desert created cool, beautiful and lasting architecture without machines.',
      'كيف ابتكر البنّاؤون في الصحراء عمارة باردة وجميلة ومستدامة دون آلات حديثة.',
    ),
    description: L(
      'Desert Architects explores wind towers, mud-brick cities and shaded courtyards, and the engineering wisdom behind them.\n\nThe series also meets young architects who are reviving these techniques to cope with a warming climate.',
      'تستكشف سلسلة «معماريو الصحراء» أبراج الرياح ومدن الطوب اللبن والأفنية الظليلة، والحكمة الهندسية الكامنة وراءها.\n\nكما تلتقي السلسلة بمعماريين شباب يُحيون هذه التقنيات لمواجهة مناخ يزداد حرارة.',
    ),
    topics: [
      ['the wind towers of Yazd', 'أبراج الرياح في يزد'],
      ['the mud skyscrapers of Shibam', 'ناطحات السحاب الطينية في شبام'],
      ['the courtyard house', 'بيت الفناء الداخلي'],
      ['the ksour of southern Morocco', 'قصور الجنوب المغربي'],
      ['falaj irrigation in Oman', 'نظام الأفلاج في عُمان'],
      ['the old town of Ghadames', 'مدينة غدامس القديمة'],
      ['Hassan Fathy and New Gourna', 'حسن فتحي وقرية القرنة الجديدة'],
      ['the mashrabiya and the art of shade', 'المشربية وفن الظل'],
      ['the rock city of Petra', 'مدينة البتراء الصخرية'],
      ['building with earth today', 'البناء بالطين في عصرنا'],
    ],
  },
  {
    slug: 'against-the-odds',
    format: 'documentary',
    style: 'doc',
    language: 'es',
    categories: ['sports'],
    tags: ['football', 'sport', 'underdogs', 'spain'],
    minutes: [45, 60],
    cadence: 7,
    title: L('Against the Odds', 'رغم كل التوقعات'),
    summary: L(
      'A Spanish-language sports documentary about underdog teams and athletes who defied expectations.',
      'سلسلة وثائقية رياضية باللغة الإسبانية عن فرق ورياضيين تحدّوا كل التوقعات.',
    ),
    description: L(
      'Against the Odds tells the stories of small clubs, late bloomers and comebacks that nobody predicted.\n\nThe series is narrated in Spanish, with English and Arabic subtitles, and features rare archive footage alongside interviews with the protagonists.',
      'تروي سلسلة «رغم كل التوقعات» قصص أندية صغيرة ورياضيين تأخر تألقهم، وعودات لم يتوقعها أحد.\n\nتُروى السلسلة باللغة الإسبانية مع ترجمة إلى الإنجليزية والعربية، وتضم لقطات أرشيفية نادرة إلى جانب مقابلات مع أبطال هذه القصص.',
    ),
    topics: [
      ['the village club that reached the cup final', 'نادي القرية الذي بلغ نهائي الكأس'],
      ['the comeback of a veteran goalkeeper', 'عودة حارس مرمى مخضرم'],
      ["the women's team that changed the rules", 'فريق السيدات الذي غيّر القواعد'],
      ['the marathon runner from the mountains', 'عدّاء الماراثون القادم من الجبال'],
      ['basketball in the barrios', 'كرة السلة في الأحياء الشعبية'],
      ['the cyclist who rode through injury', 'الدرّاج الذي تحدّى الإصابة'],
      ['promotion on the final day', 'الصعود في الجولة الأخيرة'],
      ["Valencia's Paralympic swimming team", 'فريق السباحة البارالمبي في فالنسيا'],
      ["the coach's final season", 'الموسم الأخير للمدرب'],
      ['the derby that stopped a city', 'الديربي الذي أوقف مدينة بأكملها'],
    ],
  },
  {
    slug: 'deep-time',
    format: 'documentary',
    style: 'doc',
    language: 'de',
    categories: ['science', 'nature-environment'],
    tags: ['geology', 'earth', 'fossils', 'climate'],
    minutes: [43, 52],
    cadence: 7,
    title: L('Deep Time', 'الزمن السحيق'),
    summary: L(
      'A German-language documentary series reading the history of our planet in rock, ice and fossils.',
      'سلسلة وثائقية باللغة الألمانية تقرأ تاريخ كوكبنا في الصخور والجليد والأحافير.',
    ),
    description: L(
      'Deep Time takes viewers from the Alps to the Sahara to see how geologists reconstruct billions of years of Earth’s history.\n\nNarrated in German and subtitled in English and Arabic, the series uses animation to show landscapes that vanished long before humans appeared.',
      'تصحب سلسلة «الزمن السحيق» المشاهدين من جبال الألب إلى الصحراء الكبرى، ليروا كيف يعيد الجيولوجيون بناء مليارات السنين من تاريخ الأرض.\n\nتُروى السلسلة باللغة الألمانية مع ترجمة إلى الإنجليزية والعربية، وتستعين بالرسوم المتحركة لإظهار مناظر طبيعية اختفت قبل ظهور الإنسان بزمن طويل.',
    ),
    topics: [
      ['the birth of the Alps', 'نشوء جبال الألب'],
      ['the green Sahara of prehistory', 'الصحراء الخضراء في عصور ما قبل التاريخ'],
      ['ice cores and ancient air', 'عيّنات الجليد والهواء القديم'],
      ['the Messel fossil pit', 'حفرة ميسل الأحفورية'],
      ['the great extinction of the Permian', 'الانقراض العظيم في العصر البرمي'],
      ['the volcanoes of the Eifel', 'براكين منطقة آيفل'],
      ['the whale fossils of Wadi al-Hitan', 'أحافير الحيتان في وادي الحيتان'],
      [
        'the drying of the Mediterranean six million years ago',
        'جفاف البحر المتوسط قبل ستة ملايين عام',
      ],
      ['the first forests', 'الغابات الأولى'],
      ['the art of reading rock layers', 'فن قراءة طبقات الصخور'],
    ],
  },
  {
    slug: 'hands-of-anatolia',
    format: 'documentary',
    style: 'doc',
    language: 'tr',
    categories: ['arts', 'society-culture'],
    tags: ['crafts', 'turkey', 'heritage', 'design'],
    minutes: [40, 50],
    cadence: 7,
    title: L('Hands of Anatolia', 'أيادي الأناضول'),
    summary: L(
      'A Turkish-language documentary about the master craftspeople keeping Anatolia’s traditions alive.',
      'سلسلة وثائقية باللغة التركية عن الحرفيين المهرة الذين يحافظون على تقاليد الأناضول.',
    ),
    description: L(
      'Hands of Anatolia spends time in workshops where carpets, copper, glass and tiles are still made by hand.\n\nThe series is in Turkish with subtitles, and each episode ends with the finished piece and the story of the person it was made for.',
      'تقضي سلسلة «أيادي الأناضول» وقتًا في ورش لا يزال السجاد والنحاس والزجاج والخزف يُصنع فيها يدويًا.\n\nالسلسلة باللغة التركية مع ترجمة مرافقة، وتُختتم كل حلقة بالقطعة المكتملة وحكاية الشخص الذي صُنعت من أجله.',
    ),
    topics: [
      ['carpet weaving in Konya', 'نسج السجاد في قونية'],
      ['the tiles of Iznik', 'خزف إزنيق'],
      ['the copper workshops of Gaziantep', 'ورش النحاس في غازي عنتاب'],
      ['glassblowing in Istanbul', 'نفخ الزجاج في إسطنبول'],
      ['ebru, the art of marbled paper', 'فن الإبرو أو الورق المجزّع'],
      ['felt making in central Anatolia', 'صناعة اللباد في وسط الأناضول'],
      ['Ottoman calligraphy', 'الخط العثماني'],
      ['the silk of Bursa', 'حرير بورصة'],
      ['the pottery of Avanos', 'فخار أفانوس'],
      ['the wooden ceilings of old mosques', 'الأسقف الخشبية للمساجد القديمة'],
    ],
  },
  {
    slug: 'sea-of-pearls',
    format: 'documentary',
    style: 'doc',
    language: 'ar',
    categories: ['history', 'society-culture'],
    tags: ['gulf', 'pearling', 'maritime', 'heritage'],
    minutes: [45, 60],
    cadence: 7,
    title: L('Sea of Pearls', 'بحر اللؤلؤ'),
    summary: L(
      'The rise and fall of the Gulf’s pearl-diving economy, told by the families who lived it.',
      'صعود اقتصاد الغوص على اللؤلؤ في الخليج وأفوله، كما ترويه العائلات التي عاشته.',
    ),
    description: L(
      'For centuries, pearls from the Gulf were prized from Mumbai to Paris. Sea of Pearls recovers that world through diaries, songs and the memories of the last generation of divers.\n\nThe series visits Bahrain, Kuwait, Qatar and the Emirates, and ends with the cultured pearl that brought the industry to its knees.',
      'على مدى قرون، كانت لآلئ الخليج مطلوبة من مومباي إلى باريس. وتستعيد سلسلة «بحر اللؤلؤ» ذلك العالم عبر اليوميات والأغاني وذكريات آخر جيل من الغواصين.\n\nتزور السلسلة البحرين والكويت وقطر والإمارات، وتنتهي عند اللؤلؤ المستزرع الذي أطاح بهذه الصناعة.',
    ),
    topics: [
      ['the diving season', 'موسم الغوص'],
      ["the nahham, the ship's singer", 'النهّام مطرب السفينة'],
      ['merchants and debt', 'التجار والديون'],
      ['the pearl markets of Bombay', 'أسواق اللؤلؤ في بومباي'],
      ['the women who waited ashore', 'النساء اللواتي انتظرن على الشاطئ'],
      ['the boatyards of Kuwait', 'أحواض بناء السفن في الكويت'],
      ['the great crash of the 1930s', 'الانهيار الكبير في ثلاثينيات القرن العشرين'],
      ['the last divers', 'آخر الغواصين'],
      ['the pearling path of Muharraq', 'طريق اللؤلؤ في المحرق'],
      ['the jewellers of Paris', 'صاغة باريس'],
    ],
  },
  {
    slug: 'the-verdict',
    format: 'documentary',
    style: 'doc',
    language: 'en',
    categories: ['true-crime', 'news-politics'],
    tags: ['justice', 'courts', 'investigation', 'true-crime'],
    explicitRate: 0.3,
    minutes: [55, 95],
    cadence: 7,
    title: L('The Verdict', 'الحكم'),
    summary: L(
      'An investigative documentary series following landmark trials from the crime to the courtroom.',
      'سلسلة وثائقية استقصائية تتابع محاكمات بارزة من لحظة الجريمة حتى قاعة المحكمة.',
    ),
    description: L(
      'The Verdict reconstructs each case through trial transcripts, evidence and interviews with the lawyers, jurors and journalists who followed it.\n\nRather than asking only who did it, the series asks how the justice system reached its decision, and whether it got it right.\n\nContains descriptions of violent crime.',
      'تعيد سلسلة «الحكم» بناء كل قضية من خلال محاضر المحاكمة والأدلة ومقابلات مع المحامين والمحلّفين والصحفيين الذين تابعوها.\n\nولا تكتفي السلسلة بالسؤال عن الجاني، بل تسأل كيف توصّل النظام القضائي إلى حكمه، وهل كان مصيبًا.\n\nتتضمن وصفًا لجرائم عنيفة.',
    ),
    topics: [
      ['the jury that changed its mind', 'هيئة المحلفين التي غيّرت رأيها'],
      ['the coerced confession', 'قضية الاعتراف تحت الضغط'],
      ['the expert witness who got it wrong', 'الشاهد الخبير الذي أخطأ'],
      ['DNA and the reopened case', 'الحمض النووي وإعادة فتح القضية'],
      ['trial by media', 'المحاكمة الإعلامية'],
      ['the missing evidence box', 'صندوق الأدلة المفقود'],
      ['the courtroom sketch artist', 'رسام قاعة المحكمة'],
      ['the long road to appeal', 'الطريق الطويل إلى الاستئناف'],
      ['the alibi nobody checked', 'حجة الغياب التي لم يتحقق منها أحد'],
      ['the families after the verdict', 'العائلات بعد صدور الحكم'],
    ],
  },
  // ----------------------------------------------------------------------------- series
  {
    slug: 'the-lighthouse-keeper',
    format: 'series',
    style: 'drama',
    language: 'en',
    categories: ['drama-fiction'],
    tags: ['drama', 'mystery', 'coast', 'thriller'],
    status: 'scheduled',
    seasons: 2,
    minutes: [45, 58],
    cadence: 7,
    title: L('The Lighthouse Keeper', 'حارس المنارة'),
    summary: L(
      'A slow-burning coastal mystery about a keeper, a storm and a ship that should never have sunk.',
      'لغز ساحلي متصاعد عن حارس منارة وعاصفة وسفينة ما كان لها أن تغرق.',
    ),
    description: L(
      'When a cargo ship goes down within sight of the lighthouse, its solitary keeper becomes the only witness, and soon the prime suspect.\n\nThe Lighthouse Keeper is a drama about guilt, loyalty and a small island community with too many secrets.',
      'عندما تغرق سفينة شحن على مرأى من المنارة، يصبح حارسها المنعزل الشاهد الوحيد على الحادث، وسرعان ما يتحول إلى المشتبه به الرئيسي.\n\n«حارس المنارة» مسلسل درامي عن الذنب والوفاء ومجتمع جزيرة صغيرة يُخفي الكثير من الأسرار.',
    ),
    topics: [
      ['the storm', 'العاصفة'],
      ['a light in the fog', 'ضوء في الضباب'],
      ['the harbour master', 'مدير الميناء'],
      ['salt and iron', 'ملح وحديد'],
      ['what the tide brings', 'ما يجلبه المد'],
      ['the inquest', 'جلسة التحقيق'],
      ['old charts', 'الخرائط القديمة'],
      ['the second survivor', 'الناجي الثاني'],
      ['a letter in a bottle', 'رسالة في زجاجة'],
      ['the last watch', 'المناوبة الأخيرة'],
      ['the island remembers', 'الجزيرة لا تنسى'],
    ],
  },
  {
    slug: 'the-neighbourhood',
    format: 'series',
    style: 'drama',
    language: 'ar',
    categories: ['drama-fiction', 'society-culture'],
    tags: ['drama', 'family', 'neighbourhood', 'ramadan'],
    featured: { rank: 2 },
    seasons: 3,
    minutes: [40, 50],
    cadence: 7,
    title: L('The Neighbourhood', 'الحارة'),
    summary: L(
      'A warm, sprawling family drama set in an old Arab neighbourhood across three generations.',
      'دراما عائلية دافئة تدور أحداثها في حارة عربية قديمة عبر ثلاثة أجيال.',
    ),
    description: L(
      'In a narrow lane of stone houses, the families of the neighbourhood share bread, gossip and old rivalries.\n\nThe Neighbourhood follows the grocer Abu Salim, his headstrong daughter Hala and their neighbours as the city changes around them.\n\nEach season moves the story ten years forward.',
      'في زقاق ضيق من البيوت الحجرية، تتقاسم عائلات الحارة الخبز والأحاديث والخصومات القديمة.\n\nيتابع مسلسل «الحارة» البقّال أبا سليم وابنته العنيدة هالة وجيرانهما، بينما تتغير المدينة من حولهم.\n\nوينقل كل موسم القصة عشر سنوات إلى الأمام.',
    ),
    topics: [
      ['the new tenant', 'المستأجر الجديد'],
      ['the well in the courtyard', 'بئر الفناء'],
      ['a wedding postponed', 'العرس المؤجل'],
      ['the key to the shop', 'مفتاح الدكان'],
      ['rain on the rooftops', 'مطر على الأسطح'],
      ['a letter from abroad', 'رسالة من الغربة'],
      ['the neighbourhood feast', 'وليمة الحارة'],
      ['old debts', 'الديون القديمة'],
      ['the son returns', 'عودة الابن'],
      ['the last night of Ramadan', 'آخر ليالي رمضان'],
      ['a quarrel at the bakery', 'شجار عند الفرن'],
    ],
  },
  {
    slug: 'code-academy',
    format: 'series',
    style: 'learning',
    language: 'ar',
    categories: ['education', 'technology'],
    tags: ['programming', 'coding', 'web', 'beginners'],
    minutes: [22, 35],
    cadence: 7,
    title: L('Code Academy', 'أكاديمية البرمجة'),
    summary: L(
      'A beginner-friendly programming course in Arabic, from your first line of code to your first web app.',
      'دورة برمجة مبسطة باللغة العربية للمبتدئين، من أول سطر برمجي إلى أول تطبيق ويب.',
    ),
    description: L(
      'Code Academy teaches the fundamentals of programming through short, practical lessons and real projects.\n\nThe course starts with the basics and works up to building and publishing a small web application. All you need is a computer and a browser.',
      'تعلّم «أكاديمية البرمجة» أساسيات البرمجة من خلال دروس قصيرة وعملية ومشاريع حقيقية.\n\nتبدأ الدورة من الأساسيات وتتدرج حتى بناء تطبيق ويب صغير ونشره. كل ما تحتاج إليه هو حاسوب ومتصفح.',
    ),
    topics: [
      ['variables and data types', 'المتغيرات وأنواع البيانات'],
      ['conditions and decisions', 'الشروط واتخاذ القرار'],
      ['loops and repetition', 'الحلقات التكرارية'],
      ['writing your own functions', 'كتابة الدوال الخاصة بك'],
      ['arrays and lists', 'المصفوفات والقوائم'],
      ['objects and data structures', 'الكائنات وهياكل البيانات'],
      ['finding and fixing bugs', 'تتبّع الأخطاء وإصلاحها'],
      ['the structure of a web page', 'بنية صفحة الويب'],
      ['styling web pages', 'تنسيق صفحات الويب'],
      ['talking to a server', 'التواصل مع الخادم'],
      ['version control', 'إدارة الإصدارات'],
      ['publishing your first app', 'نشر تطبيقك الأول'],
    ],
  },
  {
    slug: 'arabic-from-scratch',
    format: 'series',
    style: 'learning',
    language: 'en',
    categories: ['language-learning'],
    tags: ['arabic', 'language', 'beginners', 'msa'],
    minutes: [22, 30],
    cadence: 7,
    title: L('Arabic from Scratch', 'العربية من الصفر'),
    summary: L(
      'A friendly video course in Modern Standard Arabic for complete beginners, taught in English.',
      'دورة مرئية ودودة في العربية الفصحى للمبتدئين تمامًا، تُقدَّم باللغة الإنجليزية.',
    ),
    description: L(
      'Arabic from Scratch starts with the alphabet and builds, lesson by lesson, to simple conversations about everyday life.\n\nEach lesson includes pronunciation practice, a short dialogue and a few words of cultural context.',
      'تبدأ دورة «العربية من الصفر» بالحروف الأبجدية، ثم تتدرج درسًا بعد درس حتى المحادثات البسيطة عن الحياة اليومية.\n\nيتضمن كل درس تدريبًا على النطق وحوارًا قصيرًا وبعض الإشارات إلى السياق الثقافي.',
    ),
    topics: [
      ['the alphabet and its shapes', 'الحروف الأبجدية وأشكالها'],
      ['short and long vowels', 'الحركات وحروف المد'],
      ['greetings and introductions', 'التحيات والتعارف'],
      ['numbers and telling the time', 'الأعداد وقراءة الساعة'],
      ['the definite article', 'أداة التعريف'],
      ['family and home', 'الأسرة والبيت'],
      ['food and ordering at a restaurant', 'الطعام والطلب في المطعم'],
      ['asking for directions', 'السؤال عن الاتجاهات'],
      ['verbs in the present tense', 'الأفعال في الزمن المضارع'],
      ['the days of the week', 'أيام الأسبوع'],
      ['shopping at the market', 'التسوق في السوق'],
    ],
  },
  {
    slug: 'grandmothers-recipes',
    format: 'series',
    style: 'cooking',
    language: 'ar',
    categories: ['food'],
    tags: ['cooking', 'recipes', 'heritage', 'family'],
    status: 'scheduled',
    minutes: [22, 28],
    cadence: 7,
    title: L("Grandmothers' Recipes", 'وصفات الجدّات'),
    summary: L(
      'Grandmothers from across the Arab world teach the family recipes they have cooked for decades.',
      'جدّات من أنحاء العالم العربي يعلّمن وصفات عائلية أتقنّها على مدى عقود.',
    ),
    description: L(
      'In each episode of Grandmothers’ Recipes, a grandmother welcomes the camera into her kitchen and teaches one dish from start to finish.\n\nMeasurements are given the way she gives them, by hand and by eye, with a written recipe on the programme page for the rest of us.',
      'في كل حلقة من «وصفات الجدّات»، تفتح إحدى الجدات مطبخها للكاميرا وتعلّمنا طبقًا واحدًا من البداية حتى النهاية.\n\nتأتي المقادير كما تقدّرها هي، باليد والعين، مع وصفة مكتوبة في صفحة البرنامج لمن يحتاج إليها.',
    ),
    topics: [
      ['stuffed vine leaves', 'ورق العنب المحشي'],
      ['Palestinian musakhan', 'المسخّن الفلسطيني'],
      ['Moroccan harira', 'الحريرة المغربية'],
      ['Emirati luqaimat', 'اللقيمات الإماراتية'],
      ['Egyptian molokhia', 'الملوخية المصرية'],
      ['Iraqi kleicha', 'الكليجة العراقية'],
      ['Levantine kibbeh', 'الكبة الشامية'],
      ['Yemeni saltah', 'السلتة اليمنية'],
      ['Tunisian brik', 'البريك التونسي'],
      ['Sudanese kisra', 'الكسرة السودانية'],
      ['Lebanese maamoul', 'المعمول اللبناني'],
    ],
  },
  {
    slug: 'the-marseille-mysteries',
    format: 'series',
    style: 'drama',
    language: 'fr',
    categories: ['drama-fiction', 'true-crime'],
    tags: ['drama', 'mystery', 'detective', 'france'],
    status: 'draft',
    seasons: 2,
    minutes: [48, 56],
    cadence: 7,
    title: L('The Marseille Mysteries', 'ألغاز مرسيليا'),
    summary: L(
      'A French-language detective drama about a retired ferry captain who solves crimes in the old port.',
      'مسلسل بوليسي باللغة الفرنسية عن قبطان عبّارة متقاعد يحل الجرائم في الميناء القديم.',
    ),
    description: L(
      'Captain Lucien Mercier thought retirement would mean fishing and long lunches. Instead, the old port of Marseille keeps bringing him mysteries the police would rather ignore.\n\nA light-hearted crime series in French, with English and Arabic subtitles.',
      'ظن القبطان لوسيان مرسييه أن التقاعد يعني الصيد ووجبات الغداء الطويلة، لكن الميناء القديم في مرسيليا لا يكف عن حمل ألغاز تفضّل الشرطة تجاهلها.\n\nمسلسل بوليسي خفيف الظل باللغة الفرنسية، مع ترجمة إلى الإنجليزية والعربية.',
    ),
    topics: [
      ["the fisherman's alibi", 'حجة الصياد'],
      ['murder at the fish market', 'جريمة في سوق السمك'],
      ['the missing ferry', 'العبّارة المفقودة'],
      ["the painter's last canvas", 'اللوحة الأخيرة للرسام'],
      ['the mistral', 'رياح الميسترال'],
      ['smoke over the calanques', 'دخان فوق الخلجان'],
      ['the bouillabaisse affair', 'قضية حساء البويابيس'],
      ['the stolen anchor', 'المرساة المسروقة'],
      ['an unwelcome guest', 'ضيف غير مرغوب فيه'],
      ['the night ferry', 'عبّارة الليل'],
    ],
  },
  {
    slug: 'little-explorers',
    format: 'series',
    style: 'kids',
    language: 'ar',
    categories: ['kids-family', 'science'],
    tags: ['kids', 'science', 'nature', 'curiosity'],
    minutes: [22, 24],
    cadence: 7,
    title: L('Little Explorers', 'المستكشفون الصغار'),
    summary: L(
      'Two curious siblings and their robot friend discover how the world works, one question at a time.',
      'شقيقان فضوليان وصديقهما الروبوت يكتشفون كيف يعمل العالم، سؤالًا بعد سؤال.',
    ),
    description: L(
      'Little Explorers is an animated series for children aged five to nine that turns everyday questions into small adventures.\n\nWhy does the moon change shape? Where does rain come from? Each episode ends with a simple experiment families can try together.',
      '«المستكشفون الصغار» مسلسل رسوم متحركة للأطفال من سن الخامسة إلى التاسعة، يحوّل الأسئلة اليومية إلى مغامرات صغيرة.\n\nلماذا يتغير شكل القمر؟ ومن أين يأتي المطر؟ وتنتهي كل حلقة بتجربة بسيطة يمكن للعائلة أن تجربها معًا.',
    ),
    topics: [
      ['the journey of a raindrop', 'رحلة قطرة المطر'],
      ['the changing shapes of the moon', 'أشكال القمر المتغيرة'],
      ['the secret life of bees', 'الحياة السرية للنحل'],
      ['shadows and light', 'الظل والضوء'],
      ['the inside of a volcano', 'باطن البركان'],
      ['the sounds animals make', 'أصوات الحيوانات'],
      ['the secrets of magnets', 'أسرار المغناطيس'],
      ['the journey from seed to tree', 'الرحلة من البذرة إلى الشجرة'],
      ['the colours of the rainbow', 'ألوان قوس قزح'],
      ['the bottom of the sea', 'قاع البحر'],
      ['the mystery of sleep', 'لغز النوم'],
    ],
  },
  // ----------------------------------------------------------------------------- shows
  {
    slug: 'the-morning-brief',
    format: 'show',
    style: 'show',
    language: 'en',
    categories: ['news-politics'],
    tags: ['news', 'daily', 'world', 'analysis'],
    featured: { rank: 5, untilISO: '2025-01-01T00:00:00.000Z' },
    minutes: [12, 20],
    cadence: 1,
    title: L('The Morning Brief', 'الموجز الصباحي'),
    summary: L(
      'The day’s most important stories, explained in under twenty minutes.',
      'أهم أخبار اليوم، مشروحة في أقل من عشرين دقيقة.',
    ),
    description: L(
      'The Morning Brief gives you the context behind the headlines before your day begins.\n\nOur newsroom selects three stories each morning and asks correspondents and specialists to explain what happened, why it matters and what to watch next.',
      'يقدّم «الموجز الصباحي» السياق الكامن وراء العناوين قبل أن يبدأ يومك.\n\nتختار غرفة الأخبار كل صباح ثلاث قصص، وتطلب من المراسلين والمختصين شرح ما حدث، ولماذا يهمنا، وما الذي ينبغي متابعته لاحقًا.',
    ),
    topics: [
      ['the outlook for the global economy', 'آفاق الاقتصاد العالمي'],
      ['the elections to watch this year', 'الانتخابات المرتقبة هذا العام'],
      ['the race for critical minerals', 'السباق على المعادن الحيوية'],
      ['heatwaves and public health', 'موجات الحر والصحة العامة'],
      ['rising food prices', 'ارتفاع أسعار الغذاء'],
      ['diplomacy in the Gulf', 'الدبلوماسية في منطقة الخليج'],
      ['the regulation of artificial intelligence', 'تنظيم الذكاء الاصطناعي'],
      ['shipping routes under pressure', 'طرق الملاحة تحت الضغط'],
      ['the housing crisis', 'أزمة السكن'],
      ['the new space race', 'سباق الفضاء الجديد'],
      ['water security', 'الأمن المائي'],
    ],
  },
  {
    slug: 'match-day',
    format: 'show',
    style: 'show',
    language: 'ar',
    categories: ['sports'],
    tags: ['football', 'sport', 'analysis', 'leagues'],
    minutes: [35, 45],
    cadence: 7,
    title: L('Match Day', 'يوم المباراة'),
    summary: L(
      'Previews, analysis and debate from the weekend’s biggest football fixtures.',
      'تقديم وتحليل ونقاش لأبرز مباريات كرة القدم في عطلة نهاية الأسبوع.',
    ),
    description: L(
      'Match Day brings together former players and analysts to break down the tactics, talking points and turning points of the week in football.\n\nThe show covers the major Arab leagues alongside the European competitions, with a weekly segment on women’s football.',
      'يجمع برنامج «يوم المباراة» لاعبين سابقين ومحللين لتفكيك الخطط والقضايا المثيرة للجدل واللحظات الفاصلة في أسبوع كرة القدم.\n\nيغطي البرنامج أبرز الدوريات العربية إلى جانب البطولات الأوروبية، مع فقرة أسبوعية عن كرة القدم النسائية.',
    ),
    topics: [
      ['the title race', 'سباق اللقب'],
      ['derby weekend', 'عطلة الديربي'],
      ['the young talents to watch', 'المواهب الشابة الواعدة'],
      ['the art of the counter-attack', 'فن الهجمة المرتدة'],
      ['goalkeepers under pressure', 'حراسة المرمى تحت الضغط'],
      ['the transfer window', 'سوق الانتقالات'],
      ['Champions League nights', 'ليالي دوري أبطال أوروبا'],
      ['refereeing and video review', 'التحكيم وتقنية الفيديو'],
      ['the battle against relegation', 'صراع الهبوط'],
      ['the road to the World Cup', 'الطريق إلى كأس العالم'],
    ],
  },
  {
    slug: 'studio-sessions',
    format: 'show',
    style: 'music',
    language: 'en',
    categories: ['music'],
    tags: ['music', 'live-sessions', 'world-music', 'jazz'],
    minutes: [30, 45],
    cadence: 14,
    title: L('Studio Sessions', 'جلسات الاستوديو'),
    summary: L(
      'Intimate live performances and conversations with musicians from across the world.',
      'عروض حية حميمة وأحاديث مع موسيقيين من أنحاء العالم.',
    ),
    description: L(
      'Each episode of Studio Sessions captures a full live set recorded in a single take, followed by a conversation about craft, influences and life on the road.\n\nThe line-up moves freely between jazz, Arabic classical music, folk and electronic music.',
      'تلتقط كل حلقة من «جلسات الاستوديو» عرضًا حيًا كاملًا سُجِّل دفعة واحدة، يليه حوار عن الصنعة والمؤثرات وحياة الترحال.\n\nويتنقل البرنامج بحرية بين الجاز والموسيقى العربية الكلاسيكية والموسيقى الشعبية والإلكترونية.',
    ),
    topics: [
      ['the oud in the twenty-first century', 'العود في القرن الحادي والعشرين'],
      ['desert blues', 'موسيقى البلوز الصحراوية'],
      ['the Andalusian muwashshah', 'الموشحات الأندلسية'],
      ['jazz from Beirut', 'الجاز القادم من بيروت'],
      ['the qanun', 'آلة القانون'],
      ['Gnawa rhythms', 'إيقاعات الكناوة'],
      ['the piano and the maqam', 'البيانو والمقامات'],
      ['electronic music in Cairo', 'الموسيقى الإلكترونية في القاهرة'],
      ['Sufi chant', 'الإنشاد الصوفي'],
      ['the art of percussion', 'فن الإيقاع'],
      ['the songs of the Nubian villages', 'أغاني القرى النوبية'],
    ],
  },
  {
    slug: 'tech-in-brief',
    format: 'show',
    style: 'show',
    language: 'ar',
    categories: ['technology'],
    tags: ['technology', 'gadgets', 'apps', 'reviews'],
    minutes: [20, 30],
    cadence: 7,
    title: L('Tech in Brief', 'باختصار تقني'),
    summary: L(
      'A weekly Arabic technology show with reviews, explainers and practical tips.',
      'برنامج تقني أسبوعي باللغة العربية يقدّم مراجعات وشروحًا ونصائح عملية.',
    ),
    description: L(
      'Tech in Brief reviews the latest devices and apps, and explains the week’s technology news in clear Arabic.\n\nEvery episode ends with a practical tip, from protecting your accounts to getting more out of your phone’s battery.',
      'يراجع برنامج «باختصار تقني» أحدث الأجهزة والتطبيقات، ويشرح أخبار التكنولوجيا الأسبوعية بلغة عربية واضحة.\n\nوتُختتم كل حلقة بنصيحة عملية، من حماية حساباتك إلى إطالة عمر بطارية هاتفك.',
    ),
    topics: [
      ['smartphone cameras', 'كاميرات الهواتف الذكية'],
      ['protecting your online accounts', 'حماية حساباتك الرقمية'],
      ['the smart home', 'المنازل الذكية'],
      ['electric cars', 'السيارات الكهربائية'],
      ['Arabic content online', 'المحتوى العربي على الإنترنت'],
      ['gaming and esports', 'الألعاب الإلكترونية ورياضاتها التنافسية'],
      ['wearable health trackers', 'أجهزة تتبع الصحة القابلة للارتداء'],
      ['cloud storage', 'التخزين السحابي'],
      ['AI assistants', 'تطبيقات المساعد الذكي'],
      ['getting more from your battery', 'إطالة عمر البطارية'],
      ['online scams', 'الاحتيال الإلكتروني'],
    ],
  },
  {
    slug: 'the-laugh-hour',
    format: 'show',
    style: 'comedy',
    language: 'ar',
    categories: ['comedy'],
    tags: ['comedy', 'stand-up', 'sketches'],
    status: 'draft',
    explicitRate: 0.35,
    minutes: [25, 45],
    cadence: 7,
    title: L('The Laugh Hour', 'ساعة ضحك'),
    summary: L(
      'Arab stand-up comedians take the stage to poke fun at everyday life.',
      'كوميديون عرب يعتلون المسرح ليسخروا من تفاصيل الحياة اليومية.',
    ),
    description: L(
      'The Laugh Hour showcases established and up-and-coming stand-up comedians performing in front of a live audience.\n\nFrom family group chats to job interviews, no part of modern life escapes their attention.\n\nSome episodes contain strong language.',
      'يقدّم برنامج «ساعة ضحك» نخبة من الكوميديين المعروفين والصاعدين في عروض حية أمام الجمهور.\n\nمن محادثات العائلة الجماعية إلى مقابلات العمل، لا ينجو أي جانب من الحياة العصرية من سخريتهم.\n\nتتضمن بعض الحلقات ألفاظًا قد لا تناسب الجميع.',
    ),
    topics: [
      ['family group chats', 'محادثات العائلة الجماعية'],
      ['job interviews', 'مقابلات العمل'],
      ['wedding season', 'موسم الأعراس'],
      ['rush-hour traffic', 'زحمة السير'],
      ['unsolicited advice from relatives', 'نصائح الأقارب غير المطلوبة'],
      ['going to the gym', 'الذهاب إلى النادي الرياضي'],
      ['school memories', 'ذكريات المدرسة'],
      ['online shopping', 'التسوق عبر الإنترنت'],
      ['moving house', 'الانتقال إلى منزل جديد'],
      ['holiday travel', 'السفر في العطلات'],
    ],
  },
  {
    slug: 'health-check',
    format: 'show',
    style: 'show',
    language: 'en',
    categories: ['health'],
    tags: ['health', 'medicine', 'nutrition', 'fitness'],
    minutes: [20, 30],
    cadence: 7,
    title: L('Health Check', 'فحص دوري'),
    summary: L(
      'Doctors answer the health questions you have been meaning to ask.',
      'أطباء يجيبون عن الأسئلة الصحية التي طالما أردت طرحها.',
    ),
    description: L(
      'Health Check pairs a practising doctor with a specialist guest to tackle one common health topic in depth.\n\nWe look at what the research says, bust popular myths and finish with practical steps you can take today. The programme does not replace personal medical advice.',
      'يجمع برنامج «فحص دوري» طبيبًا ممارسًا وضيفًا متخصصًا لتناول موضوع صحي شائع بعمق.\n\nنستعرض ما تقوله الأبحاث، ونفنّد المعتقدات الخاطئة الشائعة، ونختم بخطوات عملية يمكنك اتخاذها اليوم. ولا يغني البرنامج عن الاستشارة الطبية الشخصية.',
    ),
    topics: [
      ['blood pressure', 'ضغط الدم'],
      ['back pain', 'آلام الظهر'],
      ['vitamin D', 'فيتامين د'],
      ['healthy eating during Ramadan', 'التغذية الصحية في رمضان'],
      ['type 2 diabetes', 'السكري من النوع الثاني'],
      ['migraines', 'الصداع النصفي'],
      ['the benefits of walking', 'فوائد المشي'],
      ['childhood vaccines', 'لقاحات الأطفال'],
      ['staying hydrated in hot climates', 'شرب الماء في الأجواء الحارة'],
      ['heart health', 'صحة القلب'],
      ['seasonal allergies', 'الحساسية الموسمية'],
    ],
  },
  {
    slug: 'story-time',
    format: 'show',
    style: 'story',
    language: 'en',
    categories: ['kids-family'],
    tags: ['kids', 'stories', 'bedtime', 'reading'],
    minutes: [10, 15],
    cadence: 7,
    title: L('Story Time', 'وقت الحكاية'),
    summary: L(
      'Classic and brand-new stories for young children, told with puppets and songs.',
      'حكايات كلاسيكية وأخرى جديدة للأطفال الصغار، تُروى بالدمى والأغاني.',
    ),
    description: L(
      'Story Time invites children aged three to seven into a cosy studio where a storyteller, an owl puppet and a small band bring picture books to life.\n\nEpisodes are short, calm and ideal before bedtime.',
      'يدعو برنامج «وقت الحكاية» الأطفال من سن الثالثة إلى السابعة إلى استوديو دافئ، حيث يُحيي راوٍ ودمية بومة وفرقة موسيقية صغيرة صفحات كتب الصور.\n\nالحلقات قصيرة وهادئة، ومثالية قبل النوم.',
    ),
    topics: [
      ['the moon who could not sleep', 'القمر الذي لم يستطع النوم'],
      ['the brave little camel', 'الجمل الصغير الشجاع'],
      ['the paper boat', 'القارب الورقي'],
      ['the lost balloon', 'البالون الضائع'],
      ['the lion who was afraid of the dark', 'الأسد الذي كان يخاف الظلام'],
      ['the garden on the roof', 'الحديقة فوق السطح'],
      ["the turtle's long journey", 'رحلة السلحفاة الطويلة'],
      ['the magic carpet that lost its way', 'البساط السحري الذي ضلّ طريقه'],
      ['the girl who counted the stars', 'الفتاة التي كانت تعدّ النجوم'],
      ['the kind baker', 'الخباز الطيب'],
      ["grandfather's clock", 'ساعة الجد'],
    ],
  },
  {
    slug: 'the-gathering',
    format: 'show',
    style: 'show',
    language: 'es',
    categories: ['society-culture', 'arts'],
    tags: ['culture', 'conversation', 'spain', 'latin-america'],
    minutes: [35, 45],
    cadence: 14,
    title: L('The Gathering', 'المجلس'),
    summary: L(
      'A Spanish-language cultural talk show where writers, artists and thinkers debate the ideas of the moment.',
      'برنامج حواري ثقافي باللغة الإسبانية يناقش فيه الكتّاب والفنانون والمفكرون أفكار اللحظة الراهنة.',
    ),
    description: L(
      'Named after the informal literary gatherings of Spanish cafés, The Gathering brings four guests around one table for an unhurried conversation.\n\nRecorded in Madrid and Buenos Aires, in Spanish, with subtitles in English and Arabic.',
      'يستلهم «المجلس» روح اللقاءات الأدبية غير الرسمية في المقاهي الإسبانية، ويجمع أربعة ضيوف حول طاولة واحدة في حوار متأنٍّ.\n\nيُسجَّل البرنامج في مدريد وبوينس آيرس باللغة الإسبانية، مع ترجمة إلى الإنجليزية والعربية.',
    ),
    topics: [
      ['the legacy of al-Andalus', 'إرث الأندلس'],
      ['translation and literature', 'الترجمة والأدب'],
      ['the future of the novel', 'مستقبل الرواية'],
      ['cities and memory', 'المدن والذاكرة'],
      ['cinema in Latin America', 'السينما في أمريكا اللاتينية'],
      ['the art of the essay', 'فن المقالة'],
      ['flamenco and its roots', 'الفلامنكو وجذوره'],
      ['museums and looted heritage', 'المتاحف والتراث المنهوب'],
      ['poetry in the digital age', 'الشعر في العصر الرقمي'],
      ['exile and creativity', 'المنفى والإبداع'],
    ],
  },
  {
    slug: 'book-club',
    format: 'show',
    style: 'show',
    language: 'ar',
    categories: ['arts', 'education'],
    tags: ['books', 'literature', 'reading', 'novels'],
    minutes: [25, 40],
    cadence: 14,
    title: L('Book Club', 'نادي الكتاب'),
    summary: L(
      'Readers and critics discuss one book each week, from Arabic classics to new fiction.',
      'قرّاء ونقاد يناقشون كتابًا واحدًا كل أسبوع، من كلاسيكيات الأدب العربي إلى أحدث الروايات.',
    ),
    description: L(
      'Book Club is a television conversation about reading. Each episode focuses on a single book or author and the questions they leave us with.\n\nViewers are invited to read along and send in their questions, which are answered on air.',
      '«نادي الكتاب» حوار تلفزيوني عن القراءة، تركّز كل حلقة منه على كتاب أو كاتب واحد والأسئلة التي يتركها لدينا.\n\nندعو المشاهدين إلى القراءة معنا وإرسال أسئلتهم، لنجيب عنها على الهواء.',
    ),
    topics: [
      ['the novels of Naguib Mahfouz', 'روايات نجيب محفوظ'],
      ['Arabic travel writing', 'أدب الرحلات العربي'],
      ['the poetry of al-Mutanabbi', 'شعر المتنبي'],
      ["Ibn Khaldun's Muqaddimah", 'مقدمة ابن خلدون'],
      ['the Thousand and One Nights', 'ألف ليلة وليلة'],
      ['contemporary Gulf fiction', 'الرواية الخليجية المعاصرة'],
      ['the short stories of Yusuf Idris', 'القصص القصيرة ليوسف إدريس'],
      ['memoir and autobiography', 'المذكرات والسيرة الذاتية'],
      ['Arabic science fiction', 'الخيال العلمي العربي'],
      ['poetry in translation', 'الشعر المترجم'],
      ["children's literature", 'أدب الأطفال'],
    ],
  },
]

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

const DURATION_LIMITS_MIN: Record<ProgramFormat, readonly [number, number]> = {
  podcast: [20, 90],
  documentary: [40, 110],
  series: [22, 60],
  show: [10, 45],
}

/** publishedAt for the two scheduled programs, in order of appearance */
const SCHEDULED_PROGRAM_DATES = ['2031-03-15T08:00:00.000Z', '2031-09-01T08:00:00.000Z']

const PUBLISH_HOURS = [4, 5, 6, 7, 15, 16, 17, 18] as const
const SEASON_GAP_DAYS = 180
const AUDIO_BYTES_PER_SECOND = 16_000 // 128 kbps MP3
const VIDEO_BYTES_PER_SECOND = 250_000 // ~2 Mbps H.264

interface PlannedEpisode {
  topic: number
  /** 1-based occurrence of this topic in the run */
  occurrence: number
  /** total occurrences of this topic (parts mode only; 0 in revisit mode) */
  of: number
}

function planTopics(
  rng: Rng,
  topicCount: number,
  n: number,
  mode: StyleText['mode'],
): PlannedEpisode[] {
  const indices = Array.from({ length: topicCount }, (_, i) => i)
  if (mode === 'parts') {
    const counts = indices.map(() => Math.floor(n / topicCount))
    for (const i of rng.shuffle(indices).slice(0, n % topicCount)) counts[i] = (counts[i] ?? 0) + 1
    const plan: PlannedEpisode[] = []
    indices.forEach((topic) => {
      const of = counts[topic] ?? 0
      for (let occurrence = 1; occurrence <= of; occurrence++) plan.push({ topic, occurrence, of })
    })
    return plan
  }
  const plan: PlannedEpisode[] = []
  const uses = indices.map(() => 0)
  while (plan.length < n) {
    const round = rng.shuffle(indices)
    const last = plan[plan.length - 1]
    if (last && round[0] === last.topic && round.length > 1) {
      ;[round[0], round[1]] = [round[1] as number, round[0] as number]
    }
    for (const topic of round) {
      if (plan.length >= n) break
      uses[topic] = (uses[topic] ?? 0) + 1
      plan.push({ topic, occurrence: uses[topic] ?? 1, of: 0 })
    }
  }
  return plan
}

interface BuildState {
  programIndex: number
  scheduledPrograms: number
  episodeCounter: number
}

function buildProgram(concept: Concept, state: BuildState): SeedProgram {
  const rng = createRng(concept.slug)
  const style = STYLES[concept.style]
  const status: SeedStatus = concept.status ?? 'published'
  const index = state.programIndex
  const n = status === 'published' ? rng.int(19, 25) : rng.int(15, 18)
  const seasons = concept.seasons ?? 1
  const hour = rng.pick(PUBLISH_HOURS)

  // Timeline: episode days strictly increase and stay within [FIRST_DAY, LAST_DAY].
  const spanDays = Math.ceil(n * concept.cadence * 1.3) + (seasons - 1) * SEASON_GAP_DAYS
  const latestStart = LAST_DAY - spanDays
  const earliestStart = status === 'published' ? FIRST_DAY : Math.min(PREPARATION_DAY, latestStart)
  const startDay = rng.int(earliestStart, latestStart)

  const plan = planTopics(rng, concept.topics.length, n, style.mode)
  const closingOptions = closings(style.mode, concept.title)
  const [minLo, minHi] = concept.minutes
  const [limitLo, limitHi] = DURATION_LIMITS_MIN[concept.format]
  const isAudio = concept.format === 'podcast'

  // Tail of the run: some programs have an unpublished draft or a scheduled (2031) last episode.
  const tailStatus: SeedStatus =
    index % 2 === 0 ? 'draft' : index % 4 === 1 ? 'scheduled' : 'published'

  const episodes: SeedEpisode[] = []
  let previousDay = -Infinity
  let season = 1
  plan.forEach((planned, i) => {
    const episodeNumber = i + 1
    // Seasons split the run evenly, but a multi-part story never straddles two seasons.
    if (planned.occurrence === 1) season = Math.floor((i * seasons) / n) + 1
    const jitter = Math.round((rng.next() - 0.5) * 0.6 * concept.cadence)
    const day = Math.max(
      previousDay + 1,
      startDay + i * concept.cadence + (season - 1) * SEASON_GAP_DAYS + jitter,
    )
    previousDay = day

    const [topicEn, topicAr] = concept.topics[planned.topic] as Topic
    const topic: TopicText = {
      en: topicEn,
      title: titleCase(topicEn),
      ar: topicAr,
    }

    let base: Localized
    if (style.mode === 'parts') {
      base =
        planned.of > 1
          ? L(
              `${topic.title} (Part ${planned.occurrence})`,
              `${topic.ar} (الجزء ${ordinalAr(planned.occurrence)})`,
            )
          : L(topic.title, topic.ar)
    } else {
      base =
        planned.occurrence > 1 && style.revisitTitle
          ? style.revisitTitle(topic, planned.occurrence)
          : L(topic.title, topic.ar)
    }
    if (planned.occurrence > 3) throw new Error(`Too many repeats of a topic in ${concept.slug}`)

    const summary =
      planned.occurrence === 1
        ? rng.pick(style.intros)(topic)
        : style.repeat(topic, planned.occurrence)
    const extra = rng.pick(style.extras)
    const closing = rng.pick(closingOptions)

    const isLast = i === n - 1
    const episodeStatus: SeedStatus = isLast ? tailStatus : 'published'
    const publishedAt =
      episodeStatus === 'scheduled'
        ? isoAt(dayOf(2031, 1 + (index % 12), 1 + ((index * 7) % 27)), hour)
        : isoAt(day, hour)

    const durationSeconds = Math.min(
      limitHi * 60,
      Math.max(limitLo * 60, Math.round((minLo + rng.next() * (minHi - minLo)) * 60)),
    )

    const slug = `episode-${episodeNumber}-${kebab(base.en)}`
    const episode: SeedEpisode = {
      slug,
      guid: `${concept.slug}-s${season}e${episodeNumber}`,
      title: L(`Episode ${episodeNumber}: ${base.en}`, `الحلقة ${episodeNumber}: ${base.ar}`),
      summary,
      description: L(
        `${summary.en} ${extra.en}\n\n${closing.en}`,
        `${summary.ar} ${extra.ar}\n\n${closing.ar}`,
      ),
      ...(concept.seasons ? { seasonNumber: season } : {}),
      episodeNumber,
      durationSeconds,
      publishedAt,
      status: episodeStatus,
      explicit: rng.next() < (concept.explicitRate ?? 0),
    }

    // ~3% of episodes have no media attached yet.
    const counter = state.episodeCounter++
    if (counter % 33 !== 16) {
      const kind = isAudio ? 'audio' : 'video'
      const ext = isAudio ? 'mp3' : 'mp4'
      episode.enclosureUrl = `https://media.example.com/${kind}/${concept.slug}/${slug}.${ext}`
      episode.mimeType = isAudio ? 'audio/mpeg' : 'video/mp4'
      episode.sizeBytes = isAudio
        ? durationSeconds * AUDIO_BYTES_PER_SECOND + rng.int(20_000, 60_000)
        : Math.round(durationSeconds * VIDEO_BYTES_PER_SECOND * (0.85 + rng.next() * 0.3))
    }
    episodes.push(episode)
  })

  const firstDay = startDay
  let publishedAt: string
  if (status === 'scheduled') {
    publishedAt = SCHEDULED_PROGRAM_DATES[state.scheduledPrograms++] ?? '2031-12-01T08:00:00.000Z'
  } else if (status === 'draft') {
    publishedAt = isoAt(firstDay, hour)
  } else {
    publishedAt = isoAt(firstDay - 7, hour)
  }

  return {
    slug: concept.slug,
    title: { ...concept.title },
    summary: { ...concept.summary },
    description: { ...concept.description },
    format: concept.format,
    language: concept.language,
    categorySlugs: [...concept.categories],
    tags: [...concept.tags],
    ...(concept.featured ? { featured: { ...concept.featured } } : {}),
    status,
    publishedAt,
    episodes,
  }
}

export function buildCatalogue(): SeedCatalogue {
  const categories: SeedCategory[] = CATEGORIES.map((category) => ({
    slug: category.slug,
    name: { ...category.name },
    description: { ...category.description },
    ...(category.parentSlug ? { parentSlug: category.parentSlug } : {}),
  }))
  const state: BuildState = {
    programIndex: 0,
    scheduledPrograms: 0,
    episodeCounter: 0,
  }
  const programs = CONCEPTS.map((concept) => {
    const program = buildProgram(concept, state)
    state.programIndex++
    return program
  })
  return { categories, programs }
}
