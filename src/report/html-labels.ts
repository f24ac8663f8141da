/**
 * User-facing strings of the HTML report, in one place so the page can be translated. The page is Arabic
 * (lang="ar", dir="rtl"); `{n}`-style slots are filled by `fill` on the server or by the inline script.
 */

export const LABELS = {
  summary: 'الملخص',
  documents: 'المستندات',
  clusters: 'المجموعات',
  duplicatesRemoved: 'النسخ المكررة المحذوفة',
  seconds: 'الزمن (ثانية)',
  candidates: 'الأزواج المرشحة',
  verifiedPairs: 'الأزواج المؤكدة',
  exactDuplicates: 'نسخ مطابقة حرفيًا',
  skipped: 'المتخطاة',
  issues: 'مشكلات الإدخال',
  params: 'الإعدادات',
  histogram: 'توزيع التشابه (أقصى احتواء لكل زوج)',
  histogramAxis: 'الاحتواء',
  histogramCount: 'عدد الأزواج',
  matrixCopied: 'مصفوفة النسخ بين المصادر (الصفوف: الأصل، الأعمدة: الناقل)',
  matrixCooccurrence: 'تكرار الأخبار بين المصادر (أزواج مؤكدة)',
  matrixEmpty: 'لا توجد بيانات كافية.',
  matrixOmitted: 'أُخفي {n} مصدرًا أقل تكرارًا.',
  templates: 'القوالب المتكررة (مستبعدة من المجموعات)',
  filter: 'ابحث في العناوين والمعرّفات والمصادر…',
  shown: 'المعروض {n} من {total}',
  members: 'الأعضاء',
  membersCount: '{n} أعضاء',
  outlet: 'المصدر',
  date: 'التاريخ',
  title: 'العنوان',
  id: 'المعرّف',
  representative: 'الممثل',
  showText: 'النص الكامل',
  strippedNote: 'الأجزاء الرمادية مستبعدة من المقارنة (نصوص متكررة).',
  provenance: 'المنشأ',
  confidence: 'الثقة',
  relationCopied: 'منسوخ',
  relationCommonSource: 'مصدر مشترك',
  relationUnknown: 'غير محدد',
  via: 'عبر',
  diff: 'الفروق',
  diffStats: 'كلمات مضافة: {ins} · محذوفة: {del} · دون تغيير: {eq}',
  unchanged: '… {n} كلمة دون تغيير …',
  textMissing: 'النص غير متوفر لأحد المستندين.',
  moreMembers: 'و{n} أعضاء آخرون دون عرض الفروق.',
  loading: 'جارٍ التحميل…',
  noClusters: 'لم يُعثر على أخبار مكررة.',
  more: 'عرض المزيد',
  noScript: 'يتطلب عرض المجموعات تفعيل JavaScript؛ البيانات نفسها موجودة في تقرير JSON.',
  untitled: '(بلا عنوان)',
  links: 'نُسخ في مجموعات أخرى',
  partialLinks: 'اقتباس جزئي في أخبار أخرى',
  linkDetail: 'المجموعة {cluster} · الاحتواء {c}',
  noCluster: 'خارج المجموعات',
} as const;

export type LabelKey = keyof typeof LABELS;

/** Replaces `{name}` slots; values are numbers or already-safe strings (callers escape for HTML). */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}
