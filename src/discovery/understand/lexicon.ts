import { type Candidate, hasAnyKey, matchSequence, phrase } from './candidate'
import { normalizeWord, type Token } from './normalize'

/**
 * Format and type nouns ("heads"). Values are PROGRAM_FORMATS (src/lib/programFormats.ts).
 * Arabic برنامج/برامج is the usual word for a broadcast show, so it means `show`; English
 * "program(me)s" is MediaMesh's word for all programs, so it means `type: 'program'`.
 */
const HEADS: [string, 'format' | 'type', string][] = [
  ['podcast|podcasts', 'format', 'podcast'],
  ['podcast series', 'format', 'podcast'],
  ['documentary|documentaries|doc|docs|docuseries|documentaires', 'format', 'documentary'],
  ['documentary series|film|films|movie|movies', 'format', 'documentary'],
  ['docu series', 'format', 'documentary'],
  ['series', 'format', 'series'],
  ['tv series', 'format', 'series'],
  ['show|shows', 'format', 'show'],
  ['tv|talk show|shows', 'format', 'show'],
  ['episode|episodes|eps', 'type', 'episode'],
  ['program|programs|programme|programmes', 'type', 'program'],
  ['بودكاست|بودكاستات|بودكاسات|بودكاستس', 'format', 'podcast'],
  ['وثائقي|وثائقيه|وثائقيات', 'format', 'documentary'],
  ['فيلم|فلم|افلام وثائقي|وثائقيه', 'format', 'documentary'],
  ['برنامج|برامج|سلسله|مسلسل وثائقي|وثائقيه', 'format', 'documentary'],
  ['مسلسل|مسلسلات', 'format', 'series'],
  ['برنامج|برامج', 'format', 'show'],
  ['برنامج|برامج حواري|حواريه|تلفزيوني|تلفزيونيه', 'format', 'show'],
  ['حلقه|حلقات', 'type', 'episode'],
]
const HEAD_PHRASES = HEADS.map(([text, filter, value]) => ({
  sequence: phrase(text),
  filter,
  value,
}))
const HEAD_FIRST_KEYS = new Set(HEAD_PHRASES.flatMap(({ sequence }) => sequence[0]!))

export function matchHead(tokens: Token[], index: number): Candidate | null {
  if (!hasAnyKey(tokens[index], HEAD_FIRST_KEYS)) return null
  let best: Candidate | null = null
  for (const { sequence, filter, value } of HEAD_PHRASES) {
    const end = matchSequence(tokens, index, sequence)
    if (end > 0 && (!best || end > best.to)) {
      best = {
        from: index,
        to: end,
        kind: filter === 'type' ? 'type' : 'format',
        strength: 'strong',
        position: 'any',
        head: true,
        parts: [{ from: index, to: end, filter, value }],
      }
    }
  }
  return best
}

/** Language names: English nouns, Arabic adjectives (masculine and feminine), ISO 639-1 codes. */
const LANGUAGES: [string, string][] = [
  ['english', 'en'],
  ['arabic', 'ar'],
  ['french', 'fr'],
  ['spanish', 'es'],
  ['german', 'de'],
  ['turkish', 'tr'],
  ['urdu', 'ur'],
  ['italian', 'it'],
  ['persian|farsi', 'fa'],
  ['hindi', 'hi'],
  ['portuguese', 'pt'],
  ['russian', 'ru'],
  ['chinese|mandarin', 'zh'],
  ['japanese', 'ja'],
  ['korean', 'ko'],
  ['dutch', 'nl'],
  ['عربي|عربيه|العربي|العربيه|عربى', 'ar'],
  ['انجليزي|انجليزيه|انكليزي|انكليزيه|انقليزي|انقليزيه|الانجليزي|الانجليزيه', 'en'],
  ['فرنسي|فرنسيه|الفرنسي|الفرنسيه', 'fr'],
  ['اسباني|اسبانيه|الاسباني|الاسبانيه', 'es'],
  ['الماني|المانيه', 'de'],
  ['تركي|تركيه|التركي|التركيه', 'tr'],
  ['اردو|الاردو|اورديه', 'ur'],
  ['فارسي|فارسيه|الفارسي|الفارسيه', 'fa'],
  ['ايطالي|ايطاليه|الايطالي|الايطاليه', 'it'],
]
const LANGUAGE_WORDS = LANGUAGES.map(([text, code]) => ({
  keys: text.split('|').map(normalizeWord),
  code,
}))
const LANGUAGE_CODES = new Map(
  LANGUAGE_WORDS.flatMap(({ keys, code }) => keys.map((key) => [key, code])),
)

function languageAt(token: Token | undefined): { code: string; particles: string } | null {
  if (!token || token.literal) return null
  for (const [key, particles] of token.keys) {
    const code = LANGUAGE_CODES.get(key)
    if (code) return { code, particles }
  }
  return null
}

/** Words that say the language is of subtitles or dubbing, not of the programme itself. */
const NOT_SPOKEN = new Set(
  [
    'subtitled',
    'subtitles',
    'subtitle',
    'captions',
    'captioned',
    'dubbed',
    'translated',
    'مترجم',
    'مترجمه',
    'ترجمه',
    'مدبلج',
    'مدبلجه',
    'دبلجه',
  ].map(normalizeWord),
)

/**
 * "in Arabic", "in the Arabic language", "spoken in French", "بالعربية", "باللغة العربية",
 * "الناطقة بالعربية": strong. A bare "Arabic", "Arabic-language", "العربية", "عربي": weak (it is
 * also a topic: "Arabic calligraphy", "الخط العربي").
 */
export function matchLanguage(tokens: Token[], index: number): Candidate | null {
  const candidate = (to: number, code: string, strength: 'strong' | 'weak'): Candidate => ({
    from: index,
    to,
    kind: 'language',
    strength,
    position: 'any',
    head: false,
    parts: [{ from: index, to, filter: 'language', value: code }],
  })
  if (NOT_SPOKEN.has(tokens[index - 1]?.norm ?? '')) return null
  const token = tokens[index]
  if (!token || token.literal) return null
  // English: [spoken] in [the] LANG [language]
  let at = matchSequence(tokens, index, phrase('spoken|narrated|speaking in'))
  if (at < 0) at = matchSequence(tokens, index, phrase('in'))
  if (at > 0) {
    if (matchSequence(tokens, at, phrase('the')) > 0) at++
    const language = languageAt(tokens[at])
    if (language && !tokens[at]!.arabic) {
      let end = at + 1
      if (matchSequence(tokens, end, phrase('language')) > 0) end++
      return candidate(end, language.code, 'strong')
    }
    return null
  }
  // Arabic: [الناطقة] بـLANG, باللغة LANG, بلغة LANG
  at = matchSequence(tokens, index, phrase('ناطق|ناطقه|الناطق|الناطقه'))
  const first = at > 0 ? at : index
  const word = tokens[first]
  if (word?.arabic && word.keys.has('لغه')) {
    const language = languageAt(tokens[first + 1])
    if (language) {
      return candidate(
        first + 2,
        language.code,
        word.keys.get('لغه')!.includes('ب') ? 'strong' : 'weak',
      )
    }
    return null
  }
  const language = languageAt(word)
  if (!language) return null
  if (word!.arabic) {
    const strength = language.particles.includes('ب') ? 'strong' : at > 0 ? null : 'weak'
    return strength ? candidate(first + 1, language.code, strength) : null
  }
  // English bare: LANG [language|speaking]
  let end = first + 1
  if (matchSequence(tokens, end, phrase('language|speaking|spoken')) > 0) end++
  return candidate(end, language.code, 'weak')
}
