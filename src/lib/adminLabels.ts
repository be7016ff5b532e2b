/**
 * Labels of the admin panel in its two languages; Payload shows each user's. Only what frames the
 * panel (navigation, collection names, tabs, the editorial fields) is translated here; Payload
 * translates its own words, and other field labels fall back to English.
 */
const label = (en: string, ar: string) => ({ en, ar })

export const GROUPS = {
  catalogue: label('Catalogue', 'الفهرس'),
  ingestion: label('Ingestion', 'الاستيراد'),
  settings: label('Settings', 'الإعدادات'),
}

export const COLLECTION_LABELS = {
  programs: { singular: label('Program', 'برنامج'), plural: label('Programs', 'البرامج') },
  episodes: { singular: label('Episode', 'حلقة'), plural: label('Episodes', 'الحلقات') },
  categories: { singular: label('Category', 'تصنيف'), plural: label('Categories', 'التصنيفات') },
  media: { singular: label('Media', 'ملف وسائط'), plural: label('Media', 'الوسائط') },
  users: { singular: label('User', 'مستخدم'), plural: label('Users', 'المستخدمون') },
  sources: { singular: label('Source', 'مصدر'), plural: label('Sources', 'المصادر') },
}

export const TABS = {
  content: label('Content', 'المحتوى'),
  catalogue: label('Catalogue', 'الفهرسة'),
  featuring: label('Featuring', 'الإبراز'),
  source: label('Source', 'المصدر'),
  media: label('Media', 'الوسائط'),
}

export const FIELDS = {
  title: label('Title', 'العنوان'),
  summary: label('Summary', 'الملخص'),
  description: label('Description', 'الوصف'),
  coverImage: label('Cover image', 'صورة الغلاف'),
  thumbnail: label('Thumbnail', 'الصورة المصغّرة'),
  program: label('Program', 'البرنامج'),
  name: label('Name', 'الاسم'),
}
