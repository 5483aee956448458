# سلاسل واجهة Passerelle باللغة العربية (الملف المرجعي هو الملف الإنكليزي:
# لكل لغة المعرّفات نفسها للرسائل تمامًا؛ ويتحقق اختبار من ذلك).

## إطار الموقع
site-tagline = اتفاقات هجرة اليد العاملة والممارسات والالتزامات
skip-to-content = الانتقال إلى المحتوى
nav-main = التنقل الرئيسي
nav-home = الرئيسية
nav-agreements = الاتفاقات
nav-search = البحث
nav-assess = تقييم مشروع اتفاق
nav-compare = المقارنة
nav-practices = الممارسات
nav-events = الفعاليات
nav-commitments = الالتزامات
nav-resources = الموارد
nav-gcm = مرجع الاتفاق العالمي
nav-about = نبذة عن المنصة
nav-api = مرجع واجهة برمجة التطبيقات (API)
nav-feeds = الخلاصات
language-switcher = اللغة
footer-licence = Passerelle برنامج حر (AGPL-3.0-or-later). أسماء البلدان: i18n-iso-countries (MIT)؛ المناطق: UN M49.
footer-data = بيانات مفتوحة: يمكن تنزيل كل قائمة بصيغة CSV أو JSON، وتوفر واجهة برمجة التطبيقات (API) البيانات نفسها.
menu = القائمة

## كلمات شائعة
search-label = البحث في الاتفاقات والبنود والممارسات والفعاليات
search-button = بحث
search-placeholder = مثلًا: رسوم التوظيف، العمل الموسمي، المغرب
filter-button = تطبيق عوامل التصفية
clear-filters = مسح جميع عوامل التصفية
download-csv = ملف CSV خام لإعادة الاستيراد
download-json = ملف JSON خام
column-id = المعرّف
column-title = العنوان
column-summary = الملخص
column-sources = المصادر
column-page = الصفحة على Passerelle
column-countries = البلدان
column-start = البداية
column-end = النهاية
column-link = الرابط
column-indicator = المؤشر
column-value = القيمة
column-unit = الوحدة
column-note = ملاحظة
download-xlsx = جدول بيانات XLSX
download-csv-excel = جدول بيانات CSV
previous-page = السابق
next-page = التالي
page-of = الصفحة { $page } من { $pages }
results-count = { $count ->
    [0] لا توجد نتائج
    [zero] لا توجد نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
    [many] { $count } نتيجةً
   *[other] { $count } نتيجة
}
records-count = { $count ->
    [zero] لا توجد سجلات
    [one] سجل واحد
    [two] سجلان
    [few] { $count } سجلات
    [many] { $count } سجلًا
   *[other] { $count } سجل
}
none-yet = لا يوجد شيء هنا بعد.
unknown = غير معروف
more = المزيد
source = المصدر
sources = المصادر
source-accessed = تاريخ الاطلاع: { $date }
summary = الملخص
countries = البلدان
objectives = أهداف الاتفاق العالمي
principles = المبادئ التوجيهية
sort-by = الترتيب حسب
sort-newest = الأحدث أولًا
sort-oldest = الأقدم أولًا
sort-title = العنوان (أ–ي)
sort-title-desc = العنوان (ي–أ)
sort-relevance = مدى الصلة
sort-updated = آخر التحديثات
print = طباعة
back = رجوع

## فئات المحتوى
kind-agreements = الاتفاقات
kind-clauses = البنود
kind-practices = الممارسات
kind-events = الفعاليات
kind-commitments = الالتزامات
kind-resources = الموارد
kind-indicators = المؤشرات

## عوامل التصفية
facet-kind = الفئة
facet-country = البلد
facet-country-all = النصوص بين كل البلدان المحددة فقط
facet-all-values = كل القيم ({ $count })
facet-find = ابحث في القائمة
facet-origin = بلد المنشأ
facet-destination = بلد المقصد
facet-corridor = الممر
facet-region = المنطقة
facet-type = النوع
facet-status = الحالة
facet-year = السنة
facet-objective = هدف الاتفاق العالمي
facet-principle = المبدأ التوجيهي
facet-sdg = هدف التنمية المستدامة
facet-sector = القطاع
facet-occupation = المهنة
facet-language = اللغة
year-from = من سنة
year-to = إلى سنة

## أنواع الاتفاقات وحالاتها
type-bilateral_agreement = اتفاق ثنائي
type-mou = مذكرة تفاهم
type-implementing_protocol = بروتوكول تنفيذي
type-skills_mobility_partnership = شراكة لتنقل المهارات
type-unilateral_scheme = برنامج أحادي الجانب
type-multilateral_framework = إطار متعدد الأطراف
status-draft = مشروع
status-signed = موقَّع
status-in_force = نافذ
status-suspended = معلَّق
status-expired = منتهي المدة
status-terminated = أُنهي العمل به
status-unknown = الحالة غير معروفة
role-origin = المنشأ
role-destination = المقصد
role-both = المنشأ والمقصد

## الصفحة الرئيسية
home-title = اتفاقات هجرة اليد العاملة في مكان واحد
home-lead = ابحث عن الاتفاقات الثنائية لهجرة اليد العاملة ومذكرات التفاهم والشراكات لتنقل المهارات، وقارن بينها وحسّنها، وتابع الممارسات والالتزامات التي تنفذ بها البلدان الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية.
home-latest-agreements = أحدث الاتفاقات
home-upcoming-events = الفعاليات
home-map = الممرات على الخريطة
home-counts = المنصة بالأرقام
home-all-agreements = جميع الاتفاقات
home-assess-cta = تحقق من مشروع اتفاق في ضوء الإرشادات بشأن الاتفاقات الثنائية لهجرة اليد العاملة

## الاتفاقات
agreements-title = الاتفاقات
agreements-lead = الاتفاقات الثنائية ومذكرات التفاهم والشراكات لتنقل المهارات بين بلدان المنشأ وبلدان المقصد.
col-title = العنوان
col-parties = الأطراف
col-type = النوع
col-signed = التوقيع
col-status = الحالة
col-date = التاريخ
agreement-parties = الأطراف
agreement-timeline = التسلسل الزمني
agreement-signed-on = تاريخ التوقيع
agreement-in-force-on = تاريخ بدء النفاذ
agreement-expires-on = تاريخ انتهاء المدة
agreement-place = مكان التوقيع
agreement-languages = لغات النص
agreement-sectors = القطاعات
agreement-occupations = المهن
agreement-skill-level = مستوى المهارة
agreement-sector-notes = ملاحظات قطاعية
agreement-quotas = الحصص
agreement-agencies = الجهات المنفذة
agreement-documents = النصوص
agreement-document-download = تنزيل الملف
agreement-document-hidden = نص غير منشور للعموم
agreement-text-not-public = نص هذا الاتفاق غير متاح للعموم.
agreement-notes = ملاحظات
agreement-compare = المقارنة مع اتفاقات أخرى
agreement-history = سجل التغييرات

## التقييم
assessment-title = التقييم في ضوء الإرشادات بشأن الاتفاقات الثنائية لهجرة اليد العاملة
assessment-lead = كل عنصر من عناصر «إرشادات بشأن الاتفاقات الثنائية لهجرة اليد العاملة» (2022) الصادرة عن شبكة الأمم المتحدة المعنية بالهجرة، مع بيان ما إذا كان هذا النص يتناوله وموضع ذلك فيه.
assessment-none = لم يُقيَّم أي نص من نصوص هذا الاتفاق بعد.
assessment-coverage = نسبة التغطية: { $percent } في المائة
assessment-of-document = تقييم { $document }
assessment-covered = مشمول
assessment-partial = مشمول جزئيًا
assessment-absent = لم يُعثر عليه
assessment-unassessed = غير محسوم
assessment-group-unassessed = عناصر لا تحسمها المصادر
coding-only = رُمِّز يدويًا بتاريخ { $date }: لم تقيّم الآلة أي نص لهذا الاتفاق.
coding-over-machine = رُمِّزت بعض النتائج يدويًا بتاريخ { $date } وهي مقدَّمة على نتائج الآلة.
coding-bases = نتائج مأخوذة من النص: { $text } · من وصف منشور: { $description }.
coding-sources = المصادر ({ $count })
coding-settled = { $count } من أصل { $total } عنصرًا تحسمها المصادر
coding-missing-none = لا شيء ضمن العناصر التي تحسمها المصادر؛ { $count } عنصرًا لا تحسمها.
coding-articles = المادة (المواد) { $articles }
coding-from-text = وفق النص
coding-from-description = وفق وصف منشور (لم تُقرأ أي مادة)
coding-provenance-short = رُمِّز يدويًا استنادًا إلى مصادر منشورة
coding-provenance = رُمِّز يدويًا استنادًا إلى المصدر أعلاه
assessment-group-covered = العناصر المشمولة
assessment-group-partial = العناصر المشمولة جزئياً
assessment-group-mentioned = عناصر مذكورة فقط
assessment-group-absent = العناصر الغائبة
assessment-group-contrary = عناصر يخالفها النص
assessment-in-passing = ورد ذكره عرضاً دون أحكام
assessment-mixed = بند آخر يتعارض معه
assessment-why = لماذا هذه النتيجة؟ (للمراجعين)
assessment-against-none = لم يُرصد أي بند يتعارض مع التوجيهات.
assessment-against = بنود تتعارض مع التوجيهات
assessment-contrary = مخالف
assessment-in-force = الحالة: { $status }
assessment-mentioned = مذكور فقط
assessment-missing = العناصر الناقصة
assessment-missing-none = عُثر على جميع عناصر الإرشادات.
assessment-sector = ما يُنتظر من الاتفاقات في قطاع: { $sector }
assessment-evidence = الشواهد
assessment-show-evidence = عرض البند
assessment-cue = تطابق مع «{ $cue }»
assessment-concern = يتعارض مع التوجيهات
assessment-provenance-machine = اقتراح آلي
assessment-provenance-machine-ocr = اقتراح آلي، من نص قُرئ بالتعرّف الضوئي على الحروف
assessment-provenance-human = أضافه مراجِع
assessment-provenance-machine_confirmed = أكّده مراجِع
assessment-note = ملاحظة المراجِع
assessment-element = عنصر الإرشادات
assessment-area = المجال
assessment-language = لغة النص: { $language }
assessment-clauses = عدد البنود المقروءة: { $count }

## المقارنة
compare-title = مقارنة الاتفاقات
compare-lead = اختر من اتفاقين إلى أربعة اتفاقات لعرضها جنبًا إلى جنب، عنصرًا عنصرًا من عناصر الإرشادات.
compare-choose = الاتفاقات المراد مقارنتها
compare-add = اتفاق (العنوان أو المعرّف)
compare-button = مقارنة
compare-too-few = اختر اتفاقين على الأقل.
compare-too-many = لا يمكن مقارنة أكثر من أربعة اتفاقات.
compare-not-assessed = لم يُقيَّم

## تقييم مشروع اتفاق
draft-title = تقييم مشروع اتفاق
draft-lead = حمِّل اتفاقًا (PDF أو DOCX أو HTML أو نص) أو الصق نصه: تبيّن Passerelle، بندًا بندًا، عناصر الإرشادات التي يتناولها وما ينقصه. لا يُحفظ أي شيء.
draft-file = الملف
draft-file-hint = ملف PDF أو DOCX أو HTML أو نص عادي، أو صورة صفحة ممسوحة (PNG أو JPEG أو TIFF)، بحجم أقصاه 20 ميغابايت. تُقرأ الوثائق الممسوحة بالتعرّف الضوئي على الحروف، وقد يستغرق ذلك دقيقة أو أكثر.
draft-text = أو الصق النص
draft-language = لغة النص
draft-language-auto = الكشف التلقائي
draft-sectors = لقطاع معيّن (يضيف ما تنتظره الإرشادات من الاتفاقات المتعلقة به)
draft-submit = تقييم
draft-report = التقرير
draft-download = تنزيل التقرير (HTML)
draft-empty = قدِّم ملفًا أو الصق نصًا.
draft-stored-note = لم يُحفظ هذا التقرير.

## البحث
search-title = البحث
search-lead = تتضمن النتائج جميع الكلمات (وإلا فأكثرها)؛ ضع العبارة بين "علامتي تنصيص" للبحث عنها كما هي، واكتب -كلمة لاستبعاد كلمة، واستخدم OR للبدائل، وعوامل تصفية مثل ⁨country:MA⁩ أو ⁨year:2001..2023⁩.
search-suggestion = هل تقصد
search-see-also = انظر أيضاً:
search-partial = لا توجد نتيجة تحتوي على كل الكلمات المبحوث عنها: هذه تحتوي على { $at_least } من { $of }، الأقرب أولاً.
search-in-clause = في { $label }

## المنصة
practices-title = الممارسات
practices-lead = سياسات وبرامج وقوانين وأدوات تنفذ الاتفاق العالمي، مصنفة حسب الهدف والمبدأ التوجيهي.
events-title = الفعاليات
events-lead = مشاورات وتبادلات بين الأقران واجتماعات، مع ما أسفرت عنه من نتائج.
commitments-title = الالتزامات
commitments-lead = التعهدات التي قدمتها البلدان والمنظمات، والمرحلة التي بلغها كل منها.
resources-title = الموارد
resources-lead = إرشادات وتقارير وأدوات ونصوص قانونية لمن يتفاوضون على الاتفاقات وينفذونها.
commitments-dashboard = حالة تنفيذ الالتزامات
commitment-history = سجل التغييرات
commitment-target = التاريخ المستهدف
commitment-modality = الطريقة
commitment-kind = نوع الالتزام
practice-type = نوع الممارسة
practice-entities = الجهات المنفذة
practice-period = الفترة
practice-links = الروابط
event-when = الموعد
event-where = المكان
event-format = صيغة الانعقاد
event-organisers = المنظمات
event-outcomes = النتائج
event-challenges = التحديات المطروحة
event-practices = الممارسات المعروضة
event-agreements = الاتفاقات التي نوقشت
resource-publisher = الناشر
resource-published = تاريخ النشر
resource-open = فتح المورد
commitment-status-not_reported = لم يُبلَّغ عن الحالة
commitment-overdue = متأخر
commitment-overdue-note = انقضى الموعد المستهدف ({ $date }) ولم يُبلَّغ عن إنجاز الالتزام.
commitment-not-reported-note = لم يُبلَّغ بعد عن أي تقدم مع ذكر مصدره. يمكن لأصحاب الالتزام الإبلاغ عن حالته مع المصدر الذي يثبتها.
commitment-status-source = المصدر
commitment-status-yet_to_start = لم يبدأ بعد
commitment-status-in_progress = قيد التنفيذ
commitment-status-completed = مكتمل
commitment-status-withdrawn = سُحب

## الملفات التعريفية
country-title = { $country }
country-as-origin = الاتفاقات بوصفه بلد منشأ
country-as-destination = الاتفاقات بوصفه بلد مقصد
country-partners = البلدان الشريكة
map-legend-partners = البلدان الشريكة
map-legend-countries = بلدان لها اتفاق واحد على الأقل
map-legend-lines = اتفاقات بين بلدين: كلما زاد سُمك الخط زاد عددها؛ والنقر على خط يفتح قائمتها
country-per-year = الاتفاقات الموقعة في كل سنة
country-commitments = الالتزامات
country-practices = الممارسات
country-region = المنطقة
country-partner-count = { $count ->
    [zero] لا توجد اتفاقات
    [one] اتفاق واحد
    [two] اتفاقان
    [few] { $count } اتفاقات
    [many] { $count } اتفاقًا
   *[other] { $count } اتفاق
}
country-between = كل النصوص بين البلدين
corridor-title = { $origin } ← { $destination }
corridor-lead = الاتفاقات بين هذين البلدين في كلا الاتجاهين.
chart-per-year = الاتفاقات في كل سنة (رسم بياني بالأعمدة)
countries-title = البلدان
countries-lead = جميع البلدان التي لها اتفاقات أو ممارسات أو التزامات في المنصة.

## مرجع الاتفاق العالمي
gcm-title = الاتفاق العالمي من أجل الهجرة
gcm-lead = الأهداف الثلاثة والعشرون والمبادئ التوجيهية العشرة للاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية، مع ما تتضمنه المنصة بشأن كل منها.
gcm-objective = الهدف { $number }
gcm-tagged = { $count ->
    [0] لم يُصنَّف أي شيء بعد
    [zero] لم يُصنَّف أي شيء بعد
    [one] سجل واحد
    [two] سجلان
    [few] { $count } سجلات
    [many] { $count } سجلًا
   *[other] { $count } سجل
}

## نبذة عن المنصة
about-title = نبذة عن المنصة
about-contact = الاتصال
about-press = الصحافة
about-partners = الشركاء
about-what = ما تقوم به Passerelle
about-what-text = تحتفظ Passerelle بسجل لاتفاقات هجرة اليد العاملة مع مصادرها ونصوصها، وتقرأ كل نص في ضوء «إرشادات بشأن الاتفاقات الثنائية لهجرة اليد العاملة» الصادرة عن شبكة الأمم المتحدة المعنية بالهجرة، وتحفظ الممارسات والفعاليات والالتزامات المنبثقة عن التبادلات بين الأقران، حتى يتسنى متابعتها.

## الأخطاء
error-title = حدث خطأ ما
error-not_found = هذه الصفحة غير موجودة، أو أن السجل قد أُزيل.
error-invalid_query = بعض عوامل التصفية غير صالحة:
error-text_not_public = نص هذا الاتفاق غير متاح للعموم.
error-unreadable_file = تتعذر قراءة الملف.
error-unsupported_media_type = لا يمكن قراءة هذا النوع من الملفات.
error-payload_too_large = حجم الملف كبير جدًا.
error-too_slow = تستغرق قراءة الملف وقتًا طويلًا جدًا.
error-busy = الخادم منشغل بقراءة ملفات أخرى؛ أعد المحاولة بعد دقيقة.
error-internal = تعذر على الخادم الاستجابة. يُرجى المحاولة مرة أخرى.
error-database_unavailable = لا تستجيب قاعدة البيانات في الوقت الحالي (قد تكون قيد إعادة التشغيل). لم يُغيَّر أي شيء؛ يُرجى المحاولة مجددًا بعد بضع ثوانٍ.
error-home = الانتقال إلى الصفحة الرئيسية
error-technical = تفاصيل تقنية (بالإنجليزية)
# Between a label and what it labels (French puts a no-break space before it).
colon = :

## أنواع السجلات
error-validation_failed = بعض الحقول غير صالحة:
col-records = السجلات
skill-low = منخفضو المهارة
skill-medium = متوسطو المهارة
skill-high = ذوو المهارات العالية
skill-mixed = جميع مستويات المهارة
sector-note-seasonal_work = العمل الموسمي
sector-note-health_workers = العاملون في مجال الصحة
sector-note-domestic_workers = العمال المنزليون
practice-type-policy = سياسة
practice-type-programme = برنامج
practice-type-legislation = تشريع
practice-type-tool = أداة
practice-type-partnership = شراكة
event-kind-consultation = مشاورة
event-kind-peer_exchange = تبادل بين الأقران
event-kind-meeting = اجتماع
event-kind-training = تدريب
event-kind-conference = مؤتمر
event-format-in_person = حضوري
event-format-online = عبر الإنترنت
event-format-hybrid = مختلط
resource-type-guidance = إرشادات
resource-type-report = تقرير
resource-type-tool = أداة
resource-type-training = مواد تدريبية
resource-type-legal_text = نص قانوني
resource-type-dataset = مجموعة بيانات
commitment-kind-financial = مالي
commitment-kind-human_resources = موارد بشرية
commitment-kind-process = إجرائي
commitment-kind-policy = سياساتي
modality-individual = فردي
modality-common = مشترك
modality-partnership = شراكة
modality-matching = مطابقة

## الأرقام
country-figures = الأرقام
figure-value = القيمة
indicator-workers_admitted = العمال المقبولون
indicator-workers_authorised = العمال المرخص لهم
indicator-workers_selected = العمال المختارون
indicator-workers_returning = العمال العائدون
indicator-workers_employed = العمال المشتغلون
indicator-workers_participating = العمال المشاركون
indicator-work_contracts = عقود العمل
indicator-work_permits_issued_cumulative = تصاريح العمل الصادرة (تراكمياً)
indicator-circular_migrants_admitted = المهاجرون الدائريون المقبولون
indicator-participants_trained = المشاركون المدرَّبون
indicator-migrant_stock = عدد المهاجرين
indicator-remittances_received = التحويلات المالية الواردة
indicator-residence_permit_holders = حاملو تصاريح الإقامة
figure-indicator = المؤشر
indicators-title = البيانات
indicators-lead = أرقام عن هجرة اليد العاملة في إطار الاتفاقات، لكل منها مصدره: العمال المقبولون والعقود والتحويلات المالية.
nav-data = البيانات
nav-countries = البلدان

## الحسابات
nav-account = الحساب
sign-in-title = تسجيل الدخول
sign-in-lead = يسجّل المحررون والمراجعون والمساهمون والمسؤولون دخولهم من هنا. ولا يتطلب تصفح المنصة أي حساب.
sign-in-button = تسجيل الدخول
sign-in-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة.
sign-in-throttled = محاولات فاشلة كثيرة. انتظر ربع ساعة ثم أعد المحاولة.
sign-out = تسجيل الخروج
sign-out-everywhere = تسجيل الخروج من جميع الأجهزة
account-title = حسابك
account-email = البريد الإلكتروني
account-password = كلمة المرور
account-name = الاسم
account-organisation = المنظمة
account-role = الدور
role-admin = مسؤول
role-editor = محرر
role-reviewer = مراجع
role-contributor = مساهم
tokens-title = رموز الواجهة البرمجية
tokens-lead = يتيح الرمز لبرنامج نصي استخدام الواجهة البرمجية بدورك. ولا يُعرض إلا مرة واحدة عند إنشائه؛ ألغِه حين لا تعود بحاجة إليه.
token-name = الغرض من الرمز
token-create = إنشاء رمز
token-created = أُنشئ الرمز.
token-shown-once = انسخ هذا الرمز الآن: لن يُعرض مرة أخرى.
token-secret = الرمز
token-revoke = إلغاء
token-revoked = أُلغي الرمز.
token-revoked-on = أُلغي في { $date }
token-live = مستخدم
profile-title = ملفك الشخصي
profile-lang = لغة صفحاتك
profile-lang-browser = لغة متصفحي
profile-save = حفظ
profile-saved = تم حفظ ملفك الشخصي.
password-title = تغيير كلمة المرور
password-current = كلمة المرور الحالية
password-new = كلمة المرور الجديدة
password-again = أعد كتابة كلمة المرور الجديدة
password-hint = { $count } أحرف على الأقل.
password-change = تغيير كلمة المرور
password-too-short = كلمة المرور الجديدة قصيرة جداً.
password-mismatch = كلمتا المرور الجديدتان مختلفتان.
password-wrong = كلمة المرور الحالية غير صحيحة.
users-title = المستخدمون
user-add = إضافة مستخدم
user-added = أُضيف المستخدم.
user-exists = يوجد مستخدم بهذا البريد الإلكتروني.
user-disable = تعطيل
user-enable = تفعيل
user-disabled = عُطّل المستخدم وسُجّل خروجه من جميع الأجهزة.
user-enabled = فُعّل المستخدم.
user-not-self = لا يمكنك تعطيل حسابك.
user-state-active = نشط
user-state-disabled = معطّل
error-unauthorized = سجّل الدخول للقيام بذلك.
error-forbidden = دورك لا يسمح بذلك.
error-csrf = انتهت صلاحية النموذج. أعد تحميل الصفحة وأرسله مرة أخرى.
error-conflict = يتعارض هذا مع ما هو محفوظ.
error-too_many_proposals = وصل عدد كبير من التصحيحات من هنا خلال الساعة الماضية. يرجى المحاولة لاحقًا.
error-fetch_failed = تعذّر جلب النص من هذا العنوان.
error-method_not_allowed = هذا الإجراء غير ممكن على هذا العنوان.
error-malformed_json = المحتوى المرسل ليس بصيغة JSON صالحة.
error-referenced = ما زالت سجلات أخرى تشير إلى هذا السجل: احذف تلك الروابط أولاً.

## سجل التدقيق
audit-title = سجل التدقيق
audit-lead = كل تغيير، ومن أجراه، ومتى، وما الذي تغيّر. لا يمكن تعديل أي شيء فيه.
audit-subject = الموضوع
audit-any = الكل
audit-record = السجل
audit-actor = من
audit-action = الإجراء
audit-changes = ما تغيّر
audit-fields = { $count ->
    [zero] لا حقول
    [one] حقل واحد
    [two] حقلان
    [few] { $count } حقول
   *[other] { $count } حقلاً
}
audit-older = إدخالات أقدم
action-create = إنشاء
action-update = تعديل
action-delete = حذف
action-attach = إرفاق نص
action-detach = إزالة نص
action-assess = تقييم
action-review = مراجعة نتيجة
action-disable = تعطيل
action-enable = تفعيل
action-revoke = إلغاء
kind-users = المستخدمون
kind-tokens = رموز الواجهة البرمجية

## مراجعة المساهمات
review-title = مساهمات بانتظار المراجعة
review-lead = تنتظر هنا الممارسات التي أرسلها المساهمون. خذ إحداها للمراجعة أو انشرها أو ارفضها مع ذكر السبب؛ ويرى المساهم كل قرار مع تعليقه.
review-comment = تعليق (إلزامي عند الرفض)
review-start = أخذ للمراجعة
review-publish = نشر
review-reject = رفض
review-done = سُجّل القرار.
review-needs-comment = اذكر سبب رفض الممارسة.
review-not-applicable = لا ينطبق هذا القرار على الممارسة في حالتها الراهنة.
review-empty = لا شيء بانتظار المراجعة.
publication-draft = مسودة
publication-submitted = مُرسلة
publication-in_review = قيد المراجعة
publication-published = منشورة
publication-rejected = مرفوضة

## التصويبات
correction-title = اقتراح تصويب
correction-lead = هل من خطأ أو نقص؟ اذكر ما ينبغي أن يكون والمصدر الذي يمكن التحقق منه؛ وسيراجعه أحد المحررين. لا حاجة إلى حساب.
correction-field = ما الخطأ (مثلاً: تاريخ التوقيع، الأطراف)
correction-proposal = ما ينبغي أن يرد
correction-source = المصدر (رابط يمكن التحقق منه)
correction-contact = اسمك أو بريدك الإلكتروني إن أردت رداً
correction-send = إرسال التصويب
correction-thanks = شكراً لك. أُرسل التصويب إلى المحررين.
corrections-title = التصويبات المقترحة
corrections-lead = تصويبات اقترحها القراء، من الأقدم إلى الأحدث. عدّل السجل إن أكد المصدر ذلك ثم اقبل؛ أو ارفض مع ذكر السبب.
corrections-empty = لا تصويبات بانتظار القرار.
correction-note = ملاحظة (اختيارية)
correction-accept = قبول
correction-decline = رفض
correction-decided = سُجّل القرار.

contributions-title = مساهماتك
contribute-title = اقتراح ممارسة
contribute-edit-title = مراجعة ممارستك
contribute-lead = صِف سياسة أو برنامجًا أو قانونًا أو أداة تنفّذ الاتفاق العالمي. احفظها كمسودة لإكمالها لاحقًا، أو قدّمها: يتحقق منها المراجعون قبل نشرها، ويمكنك تعديلها ما لم يبدأوا مراجعتها.
contribute-countries-hint = اضغط Ctrl (أو ⌘) لاختيار أكثر من بلد.
contribute-entities = الجهات المنفّذة
contribute-one-per-line = جهة في كل سطر.
contribute-start = تاريخ البدء
contribute-link = صفحة الممارسة على الإنترنت
contribute-source = المصدر (العنوان الإلكتروني)
contribute-source-title = المصدر (العنوان)
contribute-submit = تقديم للمراجعة
contribute-save-draft = حفظ كمسودة
contribute-withdraw = سحب هذه الممارسة
contribute-edit = تعديل
contribute-saved = تم حفظ ممارستك.
contribute-withdrawn = تم سحب ممارستك.
contribute-link-lead = اقتراح ممارسة
draft-attach = إرفاق باتفاق (اختياري)
draft-attach-hint = معرّف الاتفاق أو اسمه المختصر: يُحفظ الملف حينها معه ويُقيَّم في صفحته بدلًا من هنا فقط.
agreement-attach-file = إرفاق نص لهذا الاتفاق
agreement-attach = إرفاق وتقييم
agreement-attach-hint = ملف PDF أو DOCX أو HTML أو نص عادي، أو صورة صفحة ممسوحة (PNG أو JPEG أو TIFF)، بحجم أقصاه 50 ميغابايت. تُقرأ الوثائق الممسوحة بالتعرّف الضوئي على الحروف، وقد يستغرق ذلك بضع دقائق.
agreement-document-source = جُلب في { $date } من
document-ocr = قُرئ بالتعرّف الضوئي على الحروف من وثيقة ممسوحة ضوئيًا: { $pages ->
    [one] صفحة واحدة
    [two] صفحتان
    [few] { $pages } صفحات
   *[other] { $pages } صفحة
}، بمتوسط ثقة { $confidence } في المائة.
document-ocr-doubtful = تُراجَع الصفحة أو الصفحات { $pages } على الوثيقة الممسوحة: قُرئت بثقة أقل.
text-ocr = قُرئ هذا النص بالتعرّف الضوئي على الحروف من وثيقة ممسوحة ضوئيًا ({ $pages ->
    [one] صفحة واحدة
    [two] صفحتان
    [few] { $pages } صفحات
   *[other] { $pages } صفحة
}، بمتوسط ثقة { $confidence } في المائة). قد تختلف بعض الكلمات عن الأصل.
assessment-ocr = قُرئ النص المقيَّم بالتعرّف الضوئي على الحروف من وثيقة ممسوحة ضوئيًا (بمتوسط ثقة { $confidence } في المائة): تستند الاستنتاجات الآلية إلى حروف متعرَّف عليها، وينبغي مراجعتها على الوثيقة.
agreement-attach-url = أو جلبه من عنوانه الرسمي
agreement-attach-url-hint = العنوان الدائم للنص (الجريدة الرسمية، موقع وزارة): ملف PDF أو DOCX أو صفحة HTML أو نص. لا تُتَّبع إلا العناوين العامة، ويُحفظ العنوان مصدرًا.
agreement-attach-fetch = جلب وتقييم
fetch-bad-address = هذا ليس عنوان http أو https صالحًا للاستعمال (دون اسم مستخدم أو كلمة مرور).
fetch-not-public = يؤدي هذا العنوان إلى شبكة خاصة أو إلى الخادم نفسه، ولا تُجلب إلا العناوين العامة.
fetch-unresolved = اسم الموقع هذا غير موجود أو لا يستجيب.
fetch-redirects = يحيل العنوان إلى عناوين أخرى أكثر من خمس مرات.
fetch-too-large = يتجاوز حجم الملف في هذا العنوان 50 ميغابايت.
fetch-too-slow = استغرق الموقع أكثر من 30 ثانية للرد.
fetch-status = لم يقدّم الموقع النص (الصفحة غير موجودة أو مرفوضة).
fetch-unsupported = لا يؤدي هذا العنوان إلى ملف PDF أو DOCX أو صفحة HTML أو نص.
fetch-network = فشل الاتصال بالموقع.
user-edit = تغيير الدور أو المنظمة
user-updated = تم تعديل المستخدم؛ ويسري ذلك من طلبه التالي.
user-not-self-role = لا يمكنك تغيير دورك بنفسك: اطلب ذلك من مسؤول آخر.
invalid-required = هذا الحقل إلزامي
invalid-too_long = { $length } حرفًا؛ الحد الأقصى { $max }
invalid-country = «{ $value }» ليس رمز بلد (ISO 3166-1، مثل MA)
invalid-objective = { $value } ليس هدفًا من أهداف الاتفاق العالمي (1 إلى 23)
invalid-empty = يجب ألا يكون فارغًا
invalid-url = «{ $value }» ليس عنوانًا إلكترونيًا يبدأ بـ http:// أو https://
invalid-before = { $date } يسبق { $other } ({ $other_date })
invalid-twice = «{ $value }» مذكور مرتين
user-operator-note = يحمل رمز واجهة البرمجة المحدد في الإعدادات (أو المُنشأ عند أول تشغيل)؛ ولا يمكنه تسجيل الدخول. تعطيله يوقف ذلك الرمز.
invalid-email = «{ $value }» ليس عنوان بريد إلكتروني
draft-samples = جرّب مشروعًا نموذجيًا:
draft-samples-note = أربعة مشاريع كُتبت لمنصة Passerelle بين دولتين خياليتين، يتضمن كل منها أحكامًا جيدة وثغرات وبنودًا تضر بالعمال.
draft-compare = قارن هذا النموذج باتفاقات من السجل
draft-compare-own = قارن مشروعك باتفاقات من السجل
compare-sample = أو مشروعًا نموذجيًا
compare-sample-none = (لا شيء)
compare-own-draft = قارن مشروعك الخاص
compare-own-draft-note = الصق مشروعًا أو حمّله واذكر الاتفاقات التي تريد وضعها بجانبه. يُقيَّم المشروع لهذه الصفحة فقط ولا يُحفظ.
compare-your-draft = مشروعك
compare-draft-unsaved = مشروع غير محفوظ
countries-all = جميع البلدان
countries-champions = البلدان الرائدة في الميثاق العالمي ({ $count })
champions-note = بلدان تطوعت لدى شبكة الأمم المتحدة المعنية بالهجرة لتكون قدوة في تنفيذ الميثاق العالمي. السنة هي سنة انضمامها متى ذكرها مصدر، وإلا فسنة أقدم مصدر يذكرها.
champions-initiative = مبادرة البلدان الرائدة
champions-all = جميع البلدان الرائدة
col-champion = بلد رائد منذ
country-champion-since = بلد رائد في الميثاق العالمي منذ { $year }
country-champion-named = ذُكر بلدًا رائدًا في الميثاق العالمي سنة { $year }
practice-ongoing = جارٍ
practice-results = النتائج
practice-lessons = الدروس المستفادة
event-people = المتحدثون والمنظمون
event-press = جهات الاتصال الصحفية
sdgs-title = خطة التنمية المستدامة لعام 2030
sdgs-lead = يستند الميثاق العالمي إلى خطة 2030. تأتي أولًا غاياتها المتعلقة بالهجرة والعمل اللائق، ثم كل هدف من أهداف التنمية المستدامة مع ما تربطه به هذه المنصة.
sdgs-targets = غايات الهجرة والعمل
sdgs-target = الغاية { $target }
sdgs-goal = الهدف { $number }
sdgs-goals = الأهداف السبعة عشر
sdgs-note = تُربط البطاقات بالأهداف لا بالغايات: يقود رابط الغاية إلى ما هو مربوط بهدفها.
sdgs-link = خطة 2030: أهداف التنمية المستدامة وغايات الهجرة
sdg-target-10-7 = هجرة وتنقل منظمان وآمنان ونظاميان ومسؤولان، بسياسات هجرة مخططة ومُحكمة التدبير.
sdg-target-8-8 = حقوق العمل وظروف عمل آمنة لجميع العمال، بمن فيهم المهاجرون، ولا سيما النساء المهاجرات والعاملون في وظائف هشة.
sdg-target-8-7 = القضاء على العمل الجبري والرق المعاصر والاتجار بالبشر وعمل الأطفال.
sdg-target-10-c = خفض تكاليف التحويلات المالية إلى أقل من 3 في المائة، دون أن يتجاوز أي ممر 5 في المائة.
page-who-we-are-title = من نحن
page-who-we-are-body = هذا الفضاء مساحة مشتركة لكل من يعمل على اتفاقيات هجرة اليد العاملة في إطار الميثاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية. وهو موجّه إلى المفاوضين والموظفين الحكوميين، وفرق المنظمة الدولية للهجرة ومنظمة العمل الدولية، والنقابات، ومنظمات أصحاب العمل، والباحثين الذين يحتاجون إلى معرفة الاتفاقيات القائمة بين الدول، ومضامينها، وكيفية تطبيقها على أرض الواقع. وقد انبثق هذا الفضاء عن حوار الميثاق العالمي (GCM Talk) حول الاتفاقيات الثنائية لهجرة اليد العاملة وشراكات تنقل المهارات الذي احتضنه المغرب في الرباط في يوليو 2023، ويستند محتواه الأول إلى ما تم تقاسمه خلاله. وهو مفتوح لمساهمات من جميع المناطق. ويُنشر كل محتوى مرفقاً بمصادره حتى يتمكن القارئ من التحقق منه.
page-our-work-title = عملنا
page-our-work-body = يجمع هذا الفضاء أربعة أنواع من المعلومات. أولاً، سجل لاتفاقيات هجرة اليد العاملة، من اتفاقيات ثنائية ومذكرات تفاهم وبروتوكولات تطبيقية وشراكات لتنقل المهارات، مع ربط كل منها بنصه أو بالمصادر التي تصفه. ثانياً، تقييم للاتفاقيات في ضوء الإرشادات المتعلقة بالاتفاقيات الثنائية لهجرة اليد العاملة التي أصدرتها شبكة الأمم المتحدة المعنية بالهجرة سنة 2022، يبيّن العناصر المتوفرة أو الغائبة أو غير الواضحة. ثالثاً، ممارسات توضح كيفية تنفيذ الاتفاقيات، مع نتائجها والدروس المستخلصة منها متى كانت موثقة. رابعاً، أحداث مثل حوارات الميثاق العالمي والاستعراضات الإقليمية، إلى جانب التعهدات المعلنة خلالها والتي تتم متابعتها مع مرور الوقت. وتذكر كل بطاقة مصدر معلوماتها.
page-take-action-title = شاركوا
page-take-action-body = يمكنكم المساعدة في الحفاظ على دقة هذا الفضاء وفائدته. لتقاسم ممارسة، صِفوا ما أُنجز، ومن شارك فيه، والفترة المعنية، والنتائج والدروس المستخلصة، واذكروا مصدراً عمومياً واحداً على الأقل؛ ويراجعها فريق التحرير قبل النشر. ولاقتراح تصحيح، حدّدوا الصفحة والعنصر المعنيين، واشرحوا موضع الخطأ، وقدّموا مصدراً للمعلومة الصحيحة. وللإبلاغ عن تقدّم تعهّد ما، انطلقوا من التعهد المعني، وصِفوا ما تحقق منذ الإعلان عنه مع التواريخ ومصدر داعم، وبيّنوا ما إذا كان قد أُنجز أو ما زال قيد التنفيذ أو متوقفاً. ونرحّب بمساهمات الحكومات والمنظمات الدولية ومنظمات العمال وأصحاب العمل والمجتمع المدني والباحثين.
page-take-action-links = من أين تبدأ
page-contribute = شارك ممارسة
page-correct = اقترح تصويبًا (الرابط في أسفل كل بطاقة)
page-commitments = تابع الالتزامات
unit-persons = شخص
unit-contracts = عقد
unit-permits = رخصة
unit-usd = دولار أمريكي
unit-cad = دولار كندي
filters-jump = عوامل التصفية ↓
agreement-read-text = قراءة النص مادةً مادة
text-title = النص — { $title }
text-heading = النص مادةً مادة
text-plain = النص الخام
text-legend-found = كلمات تستند إليها نتيجة
text-legend-against = كلمات تتعارض مع التوجيهات
text-not-assessed = لم يُقيَّم هذا النص بعد، فهو معروض دون نتائج.
text-contents = المحتويات
text-works-against = يتعارض
text-none = لم يُرفق أي نص لهذا الاتفاق ولم يُقرأ بعد.
text-back = العودة إلى الاتفاق
# Names of the languages texts are written in (ISO 639-1 codes).
language-name-ar = العربية
language-name-de = الألمانية
language-name-en = الإنجليزية
language-name-es = الإسبانية
language-name-fr = الفرنسية
language-name-it = الإيطالية
language-name-nl = الهولندية
language-name-pt = البرتغالية
language-name-ru = الروسية
language-name-zh = الصينية
language-name-tl = التاغالوغية
language-name-ne = النيبالية
catalog-title = Passerelle: بيانات مفتوحة عن اتفاقات هجرة اليد العاملة والممارسات والالتزامات
list-comma = {"، "}
size-kb = { $size } كيلوبايت
cite = الاستشهاد
