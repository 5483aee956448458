# Passerelle interface strings, English (the reference file: every other
# language has exactly these message ids; a test checks it).

## Site frame
site-tagline = Labour migration agreements, practices and commitments
skip-to-content = Skip to content
nav-main = Main
nav-home = Home
nav-agreements = Agreements
nav-search = Search
nav-assess = Assess a draft
nav-compare = Compare
nav-practices = Practices
nav-events = Events
nav-commitments = Commitments
nav-resources = Resources
nav-gcm = GCM reference
nav-about = About
nav-api = API reference
nav-feeds = Feeds
language-switcher = Language
footer-licence = Passerelle is free software (AGPL-3.0-or-later). Country names: i18n-iso-countries (MIT); regions: UN M49.
footer-data = Open data: every list can be downloaded as CSV or JSON, and the API serves the same data.
menu = Menu

## Common words
search-label = Search agreements, clauses, practices and events
search-button = Search
search-placeholder = e.g. recruitment fees, seasonal work, Morocco
filter-button = Apply filters
clear-filters = Clear all filters
download-csv = Raw CSV (for re-import)
download-json = Raw JSON
column-id = Identifier
column-title = Title
column-summary = Summary
column-sources = Sources
column-page = Page on Passerelle
column-countries = Countries
column-start = Start
column-end = End
column-link = Link
column-indicator = Indicator
column-value = Value
column-unit = Unit
column-note = Note
download-xlsx = Spreadsheet (XLSX)
download-csv-excel = Spreadsheet (CSV)
previous-page = Previous
next-page = Next
page-of = Page { $page } of { $pages }
results-count = { $count ->
    [0] No results
    [one] 1 result
   *[other] { $count } results
}
records-count = { $count ->
    [one] 1 record
   *[other] { $count } records
}
none-yet = Nothing here yet.
unknown = unknown
more = More
source = Source
sources = Sources
source-accessed = accessed { $date }
summary = Summary
countries = Countries
objectives = GCM objectives
principles = Guiding principles
sort-by = Sort by
sort-newest = Newest first
sort-oldest = Oldest first
sort-title = Title (A–Z)
sort-title-desc = Title (Z–A)
sort-relevance = Relevance
sort-updated = Recently updated
print = Print
back = Back

## Kinds
kind-agreements = Agreements
kind-clauses = Clauses
kind-practices = Practices
kind-events = Events
kind-commitments = Commitments
kind-resources = Resources
kind-indicators = Indicators

## Facets
facet-kind = Kind
facet-country = Country
facet-country-all = Only texts between all the countries ticked
facet-all-values = All values ({ $count })
facet-find = Search this list
facet-origin = Country of origin
facet-destination = Country of destination
facet-corridor = Corridor
facet-region = Region
facet-type = Type
facet-status = Status
facet-year = Year
facet-objective = GCM objective
facet-principle = Guiding principle
facet-sdg = SDG
facet-sector = Sector
facet-occupation = Occupation
facet-language = Language
year-from = From year
year-to = To year

## Agreement types and statuses
type-bilateral_agreement = Bilateral agreement
type-mou = Memorandum of understanding
type-implementing_protocol = Implementing protocol
type-skills_mobility_partnership = Skills mobility partnership
type-unilateral_scheme = Unilateral scheme
type-multilateral_framework = Multilateral framework
status-draft = Draft
status-signed = Signed
status-in_force = In force
status-suspended = Suspended
status-expired = Expired
status-terminated = Terminated
status-unknown = Status unknown
role-origin = Origin
role-destination = Destination
role-both = Origin and destination

## Home
home-title = Labour migration agreements, in one place
home-lead = Find, compare and improve bilateral labour migration agreements, memoranda of understanding and skills mobility partnerships, and follow up the practices and commitments through which countries implement the Global Compact for Safe, Orderly and Regular Migration.
home-latest-agreements = Latest agreements
home-upcoming-events = Events
home-map = Corridors on the map
home-counts = The hub in figures
home-all-agreements = All agreements
home-assess-cta = Check a draft against the Guidance on bilateral labour migration agreements

## Agreements
agreements-title = Agreements
agreements-lead = Bilateral agreements, memoranda of understanding and skills mobility partnerships between countries of origin and destination.
col-title = Title
col-parties = Parties
col-type = Type
col-signed = Signed
col-status = Status
col-date = Date
agreement-parties = Parties
agreement-timeline = Timeline
agreement-signed-on = Signed
agreement-in-force-on = In force
agreement-expires-on = Expires
agreement-place = Place of signature
agreement-languages = Languages of the text
agreement-sectors = Sectors
agreement-occupations = Occupations
agreement-skill-level = Skill level
agreement-sector-notes = Sector notes
agreement-quotas = Quotas
agreement-agencies = Implementing agencies
agreement-documents = Texts
agreement-document-download = Download the file
agreement-document-hidden = A text, not public
agreement-text-not-public = The text of this agreement is not public.
agreement-notes = Notes
agreement-compare = Compare with other agreements
agreement-history = History

## Assessment
assessment-title = Assessment against the Guidance on BLMAs
assessment-lead = Each element of the UN Network on Migration's Guidance on Bilateral Labour Migration Agreements (2022), with whether this text covers it and where.
assessment-none = No text of this agreement has been assessed yet.
assessment-coverage = Coverage: { $percent } %
assessment-of-document = Assessment of { $document }
assessment-covered = Covered
assessment-partial = Partly covered
assessment-absent = Not found
assessment-unassessed = Not settled
assessment-group-unassessed = Elements the sources do not settle
coding-only = Coded by hand on { $date }: no text of this agreement has been assessed by the machine.
coding-over-machine = Some findings were coded by hand on { $date } and take precedence over the machine's.
coding-bases = Findings from the text: { $text } · from a published description: { $description }.
coding-sources = Sources ({ $count })
coding-settled = { $count } of { $total } elements settled by the sources
coding-missing-none = None among the elements the sources settle; { $count } elements are not settled by them.
coding-articles = Article(s) { $articles }
coding-from-text = From the text
coding-from-description = From a published description (no article read)
coding-provenance-short = coded by hand from published sources
coding-provenance = Coded by hand from the source above
assessment-group-covered = Covered elements
assessment-group-partial = Partly covered elements
assessment-group-mentioned = Elements only mentioned
assessment-group-absent = Missing elements
assessment-group-contrary = Elements the text works against
assessment-in-passing = mentioned in passing, not provided for
assessment-mixed = another clause works against it
assessment-why = Why this result? (for reviewers)
assessment-against-none = No clause that works against the Guidance was found.
assessment-against = Clauses that work against the Guidance
assessment-contrary = Contrary
assessment-in-force = status: { $status }
assessment-mentioned = Mentioned only
assessment-missing = What is missing
assessment-missing-none = Every element of the Guidance was found.
assessment-sector = Expected of agreements for { $sector }
assessment-evidence = Evidence
assessment-show-evidence = Show the clause
assessment-cue = matched “{ $cue }”
assessment-concern = Works against the Guidance
assessment-provenance-machine = Suggested by the machine
assessment-provenance-machine-ocr = Suggested by the machine, from a text read by OCR
assessment-provenance-human = Added by a reviewer
assessment-provenance-machine_confirmed = Confirmed by a reviewer
assessment-note = Reviewer’s note
assessment-element = Element of the Guidance
assessment-area = Area
assessment-language = Language of the text: { $language }
assessment-clauses = { $count } clauses read

## Compare
compare-title = Compare agreements
compare-lead = Choose two to four agreements to see them side by side, element by element of the Guidance.
compare-choose = Agreements to compare
compare-add = Agreement (title or slug)
compare-button = Compare
compare-too-few = Choose at least two agreements.
compare-too-many = At most four agreements can be compared.
compare-not-assessed = not assessed

## Assess a draft
draft-title = Assess a draft
draft-lead = Upload an agreement (PDF, DOCX, HTML or text) or paste its text: Passerelle shows which elements of the Guidance it covers, clause by clause, and what is missing. Nothing is stored.
draft-file = File
draft-file-hint = PDF, DOCX, HTML or plain text, or a scanned page (PNG, JPEG, TIFF), up to 20 MB. Scans are read by OCR, which can take a minute or more.
draft-text = Or paste the text
draft-language = Language of the text
draft-language-auto = Detect automatically
draft-sectors = For a sector (adds what the Guidance expects of agreements for it)
draft-submit = Assess
draft-report = Report
draft-download = Download the report (HTML)
draft-empty = Give a file or paste a text.
draft-stored-note = This report was not stored.

## Search
search-title = Search
search-lead = Results hold every word (failing that, as many as possible); use "quotes" for a phrase, -word to exclude, OR for alternatives, and filters such as country:MA or year:2001..2023.
search-suggestion = Did you mean
search-see-also = See also:
search-partial = No result holds every word you searched for: these hold { $at_least } of { $of }, the closest first.
search-in-clause = In { $label }

## Hub
practices-title = Practices
practices-lead = Policies, programmes, laws and tools that implement the Global Compact, tagged by objective and guiding principle.
events-title = Events
events-lead = Consultations, peer exchanges and meetings, with what came out of them.
commitments-title = Commitments
commitments-lead = Pledges made by countries and organisations, and where each stands.
resources-title = Resources
resources-lead = Guidance, reports, tools and legal texts for those who negotiate and implement agreements.
commitments-dashboard = Where commitments stand
commitment-history = History
commitment-target = Target date
commitment-modality = Modality
commitment-kind = Kind of commitment
practice-type = Type of practice
practice-entities = Implementing entities
practice-period = Period
practice-links = Links
event-when = When
event-where = Where
event-format = Format
event-organisers = Organisations
event-outcomes = Outcomes
event-challenges = Challenges raised
event-practices = Practices presented
event-agreements = Agreements discussed
resource-publisher = Publisher
resource-published = Published
resource-open = Open the resource
commitment-status-not_reported = Status not reported
commitment-overdue = Overdue
commitment-overdue-note = The target date ({ $date }) has passed and the commitment is not reported as completed.
commitment-not-reported-note = No progress has been reported with a source yet. Owners of the commitment can report its status with the source that shows it.
commitment-status-source = source
commitment-status-yet_to_start = Yet to start
commitment-status-in_progress = In progress
commitment-status-completed = Completed
commitment-status-withdrawn = Withdrawn

## Profiles
country-title = { $country }
country-as-origin = Agreements as a country of origin
country-as-destination = Agreements as a country of destination
country-partners = Partner countries
map-legend-partners = Partner countries
map-legend-countries = Countries with at least one agreement
map-legend-lines = Agreements between two countries: the thicker the line, the more there are; a line opens their list
country-per-year = Agreements signed per year
country-commitments = Commitments
country-practices = Practices
country-region = Region
country-partner-count = { $count ->
    [one] 1 agreement
   *[other] { $count } agreements
}
country-between = all texts between the two countries
corridor-title = { $origin } → { $destination }
corridor-lead = Agreements between these two countries, in both directions.
chart-per-year = Agreements per year (bar chart)
countries-title = Countries
countries-lead = Every country with agreements, practices or commitments in the hub.

## GCM reference
gcm-title = Global Compact for Migration
gcm-lead = The 23 objectives and 10 guiding principles of the Global Compact for Safe, Orderly and Regular Migration, each with what the hub holds on it.
gcm-objective = Objective { $number }
gcm-tagged = { $count ->
    [0] nothing tagged yet
    [one] 1 record
   *[other] { $count } records
}

## About
about-title = About
about-contact = Contact
about-press = Press
about-partners = Partners
about-what = What Passerelle does
about-what-text = Passerelle keeps a registry of labour migration agreements with their sources and texts, reads each text against the UN Network on Migration's Guidance on Bilateral Labour Migration Agreements, and keeps the practices, events and commitments that come out of peer exchanges, so that they can be followed up.

## Errors
error-title = Something went wrong
error-not_found = This page does not exist, or the record has been removed.
error-invalid_query = Some filters are not valid:
error-text_not_public = The text of this agreement is not public.
error-unreadable_file = The file cannot be read.
error-unsupported_media_type = This type of file cannot be read.
error-payload_too_large = The file is too large.
error-too_slow = The file takes too long to read.
error-busy = The server is busy reading other files; try again in a minute.
error-internal = The server could not answer. Please try again.
error-database_unavailable = The database is not answering at the moment (it may be restarting). Nothing was changed; please try again in a few seconds.
error-home = Go to the home page
error-technical = Technical detail
# Between a label and what it labels (French puts a no-break space before it).
colon = :

## Record types
error-validation_failed = Some fields are not valid:
col-records = Records
skill-low = Low-skilled
skill-medium = Medium-skilled
skill-high = Highly skilled
skill-mixed = All skill levels
sector-note-seasonal_work = Seasonal work
sector-note-health_workers = Health workers
sector-note-domestic_workers = Domestic workers
practice-type-policy = Policy
practice-type-programme = Programme
practice-type-legislation = Legislation
practice-type-tool = Tool
practice-type-partnership = Partnership
event-kind-consultation = Consultation
event-kind-peer_exchange = Peer exchange
event-kind-meeting = Meeting
event-kind-training = Training
event-kind-conference = Conference
event-format-in_person = In person
event-format-online = Online
event-format-hybrid = Hybrid
resource-type-guidance = Guidance
resource-type-report = Report
resource-type-tool = Tool
resource-type-training = Training material
resource-type-legal_text = Legal text
resource-type-dataset = Dataset
commitment-kind-financial = Financial
commitment-kind-human_resources = Human resources
commitment-kind-process = Process
commitment-kind-policy = Policy
modality-individual = Individual
modality-common = Common
modality-partnership = Partnership
modality-matching = Matching

## Figures
country-figures = Figures
figure-value = Value
indicator-workers_admitted = Workers admitted
indicator-workers_authorised = Workers authorised
indicator-workers_selected = Workers selected
indicator-workers_returning = Workers who returned
indicator-workers_employed = Workers employed
indicator-workers_participating = Workers taking part
indicator-work_contracts = Work contracts
indicator-work_permits_issued_cumulative = Work permits issued (cumulative)
indicator-circular_migrants_admitted = Circular migrants admitted
indicator-participants_trained = Participants trained
indicator-migrant_stock = Migrant stock
indicator-remittances_received = Remittances received
indicator-residence_permit_holders = Residence permit holders
figure-indicator = Indicator
indicators-title = Data
indicators-lead = Figures on labour migration under the agreements, each with its source: workers admitted, contracts, remittances.
nav-data = Data
nav-countries = Countries

## Accounts
nav-account = Account
sign-in-title = Sign in
sign-in-lead = Editors, reviewers, contributors and administrators sign in here. Reading the hub needs no account.
sign-in-button = Sign in
sign-in-failed = Wrong e-mail address or password.
sign-in-throttled = Too many failed attempts. Wait a quarter of an hour and try again.
sign-out = Sign out
sign-out-everywhere = Sign out everywhere
account-title = Your account
account-email = E-mail address
account-password = Password
account-name = Name
account-organisation = Organisation
account-role = Role
role-admin = Administrator
role-editor = Editor
role-reviewer = Reviewer
role-contributor = Contributor
tokens-title = API tokens
tokens-lead = A token lets a script use the API with your role. It is shown once, when it is made; revoke it when it is no longer needed.
token-name = What the token is for
token-create = Create a token
token-created = The token was created.
token-shown-once = Copy this token now: it will not be shown again.
token-secret = Token
token-revoke = Revoke
token-revoked = The token was revoked.
token-revoked-on = revoked on { $date }
token-live = in use
profile-title = Your profile
profile-lang = Language of your pages
profile-lang-browser = As my browser asks
profile-save = Save
profile-saved = Your profile was saved.
password-title = Change your password
password-current = Current password
password-new = New password
password-again = New password again
password-hint = At least { $count } characters.
password-change = Change the password
password-too-short = The new password is too short.
password-mismatch = The two new passwords differ.
password-wrong = The current password is wrong.
users-title = Users
user-add = Add a user
user-added = The user was added.
user-exists = A user with this e-mail address already exists.
user-disable = Disable
user-enable = Enable
user-disabled = The user was disabled and signed out everywhere.
user-enabled = The user was enabled.
user-not-self = You cannot disable your own account.
user-state-active = Active
user-state-disabled = Disabled
error-unauthorized = Sign in to do this.
error-forbidden = Your role does not allow this.
error-csrf = The form has expired. Reload the page and send it again.
error-conflict = This conflicts with what is already stored.
error-too_many_proposals = Many corrections have come from here in the last hour. Please try again later.
error-fetch_failed = The text could not be fetched from that address.
error-method_not_allowed = This action is not possible at this address.
error-malformed_json = The content sent is not valid JSON.
error-referenced = Other records still point to this one: remove those links first.

## Audit log
audit-title = Audit log
audit-lead = Every change, with who made it, when, and what changed. Nothing in it can be changed.
audit-subject = About
audit-any = Any
audit-record = Record
audit-actor = Who
audit-action = Action
audit-changes = What changed
audit-fields = { $count ->
    [one] 1 field
   *[other] { $count } fields
}
audit-older = Older entries
action-create = Created
action-update = Changed
action-delete = Deleted
action-attach = Text attached
action-detach = Text removed
action-assess = Assessed
action-review = Finding reviewed
action-disable = Disabled
action-enable = Enabled
action-revoke = Revoked
kind-users = Users
kind-tokens = API tokens

## Review of contributions
review-title = Contributions to review
review-lead = Practices submitted by contributors wait here. Take one into review, publish it, or reject it saying why; the contributor sees each decision with its comment.
review-comment = Comment (required to reject)
review-start = Take into review
review-publish = Publish
review-reject = Reject
review-done = The decision was recorded.
review-needs-comment = Say why the practice is rejected.
review-not-applicable = This decision does not apply to the practice as it stands.
review-empty = Nothing is waiting for review.
publication-draft = Draft
publication-submitted = Submitted
publication-in_review = In review
publication-published = Published
publication-rejected = Rejected

## Corrections
correction-title = Propose a correction
correction-lead = Something wrong or missing? Say what it should be and where it can be checked; an editor will look at it. You do not need an account.
correction-field = What is wrong (for example: signature date, parties)
correction-proposal = What it should say
correction-source = Source (a link where it can be checked)
correction-contact = Your name or e-mail address, if you want an answer
correction-send = Send the correction
correction-thanks = Thank you. The correction was sent to the editors.
corrections-title = Proposed corrections
corrections-lead = Corrections proposed by readers, oldest first. Edit the record if the source confirms it, then accept; or decline, saying why.
corrections-empty = No correction is waiting.
correction-note = Note (optional)
correction-accept = Accept
correction-decline = Decline
correction-decided = The decision was recorded.

contributions-title = Your contributions
contribute-title = Contribute a practice
contribute-edit-title = Revise your practice
contribute-lead = Describe a policy, programme, law or tool that implements the Global Compact. Save it as a draft to finish later, or submit it: reviewers check it before it is published, and you can revise it until they take it up.
contribute-countries-hint = Hold Ctrl (or ⌘) to choose several.
contribute-entities = Implementing organisations
contribute-one-per-line = One per line.
contribute-start = Start date
contribute-link = Web page of the practice
contribute-source = Source (address)
contribute-source-title = Source (title)
contribute-submit = Submit for review
contribute-save-draft = Save as draft
contribute-withdraw = Withdraw this practice
contribute-edit = Revise
contribute-saved = Your practice was saved.
contribute-withdrawn = Your practice was withdrawn.
contribute-link-lead = Contribute a practice
draft-attach = Attach to an agreement (optional)
draft-attach-hint = The agreement's id or slug: the file is then kept with it and assessed there, instead of only here.
agreement-attach-file = Attach a text of this agreement
agreement-attach = Attach and assess
agreement-attach-hint = PDF, DOCX, HTML or plain text, or a scanned page (PNG, JPEG, TIFF), up to 50 MB. Scans are read by OCR, which can take a few minutes.
agreement-document-source = Fetched on { $date } from
document-ocr = Read by OCR from a scan: { $pages ->
    [one] one page
   *[other] { $pages } pages
}, mean confidence { $confidence } %.
document-ocr-doubtful = Check page(s) { $pages } against the scan: they were read with less confidence.
text-ocr = This text was read by OCR from a scanned file ({ $pages ->
    [one] one page
   *[other] { $pages } pages
}, mean confidence { $confidence } %). Some words may differ from the original.
assessment-ocr = The text assessed was read by OCR from a scan (mean confidence { $confidence } %): the machine's findings rest on recognised characters and should be checked against the scan.
agreement-attach-url = Or fetch it from its official address
agreement-attach-url-hint = The text's permanent address (official gazette, a ministry's site): a PDF, DOCX, HTML page or plain text. Only public addresses are followed; the address is kept as the source.
agreement-attach-fetch = Fetch and assess
fetch-bad-address = This is not a usable http or https address (no user name or password).
fetch-not-public = This address leads to a private network or to the machine itself: only public addresses are fetched.
fetch-unresolved = This site name does not exist or does not answer.
fetch-redirects = The address sends on to other addresses more than five times.
fetch-too-large = The file at this address is larger than 50 MB.
fetch-too-slow = The site took more than 30 seconds to answer.
fetch-status = The site did not give the text (the page is missing or refused).
fetch-unsupported = This address does not lead to a PDF, a DOCX, an HTML page or a text.
fetch-network = The connection to the site failed.
user-edit = Change role or organisation
user-updated = The user was changed; it applies from their next request.
user-not-self-role = You cannot change your own role: ask another administrator.
invalid-required = this field is required
invalid-too_long = { $length } characters; at most { $max }
invalid-country = “{ $value }” is not a country code (ISO 3166-1, e.g. MA)
invalid-objective = { $value } is not a GCM objective (1 to 23)
invalid-empty = must not be empty
invalid-url = “{ $value }” is not a web address starting with http:// or https://
invalid-before = { $date } is before { $other } ({ $other_date })
invalid-twice = “{ $value }” is listed twice
user-operator-note = Holds the API token set in the configuration (or made at first start); it cannot sign in. Disabling it stops that token.
invalid-email = “{ $value }” is not an e-mail address
draft-samples = Try a sample draft:
draft-samples-note = Four drafts written for Passerelle between two fictional states, each with good provisions, gaps and clauses that work against workers.
draft-compare = Compare this sample with agreements in the registry
draft-compare-own = Compare your draft with agreements in the registry
compare-sample = or a sample draft
compare-sample-none = (none)
compare-own-draft = Compare your own draft
compare-own-draft-note = Paste or upload a draft and name the agreements to set beside it. The draft is assessed for this page only and is not stored.
compare-your-draft = Your draft
compare-draft-unsaved = draft, not saved
countries-all = All countries
countries-champions = GCM Champion countries ({ $count })
champions-note = Countries that volunteered with the UN Network on Migration to lead by example in implementing the Global Compact. The year is when they joined, where a source says it; otherwise the year of the earliest source naming them.
champions-initiative = The Champion countries initiative
champions-all = All Champion countries
col-champion = GCM Champion since
country-champion-since = GCM Champion country since { $year }
country-champion-named = Named a GCM Champion country in { $year }
practice-ongoing = ongoing
practice-results = Results
practice-lessons = Lessons learned
event-people = Speakers and organisers
event-press = Press contacts
sdgs-title = The 2030 Agenda for Sustainable Development
sdgs-lead = The Global Compact rests on the 2030 Agenda. Its migration and decent-work targets come first below, then every Sustainable Development Goal with what this hub tags with it.
sdgs-targets = Targets on migration and labour
sdgs-target = Target { $target }
sdgs-goal = Goal { $number }
sdgs-goals = The 17 goals
sdgs-note = Records are tagged with goals, not targets: a target's link leads to what is tagged with its goal.
sdgs-link = The 2030 Agenda: Sustainable Development Goals and migration targets
sdg-target-10-7 = Orderly, safe, regular and responsible migration and mobility, with well-planned and well-managed migration policies.
sdg-target-8-8 = Labour rights and safe, secure working conditions for all workers, migrant workers included, in particular women migrants and people in precarious jobs.
sdg-target-8-7 = An end to forced labour, modern slavery, human trafficking and child labour.
sdg-target-10-c = Remittance costs brought below 3 per cent, with no corridor costing more than 5 per cent.
page-who-we-are-title = Who we are
page-who-we-are-body = This hub is a community space for people who work on labour migration agreements under the Global Compact for Safe, Orderly and Regular Migration (GCM). It is meant for government negotiators and officials, IOM and ILO teams, trade unions, employers' organisations and researchers who need to know which agreements exist between countries, what they contain and how they work in practice. The hub grew out of the GCM Talk on bilateral labour migration agreements and skills mobility partnerships that Morocco hosted in Rabat in July 2023, and its first content draws on what was shared there. It is open to contributors from every region. Each piece of content is published with its sources so that readers can check it.
page-our-work-title = Our work
page-our-work-body = The hub brings together four kinds of information. First, a registry of labour migration agreements – bilateral agreements, memoranda of understanding, implementing protocols and skills mobility partnerships – each linked to its text or to the sources that describe it. Second, an assessment of agreements against the Guidance on Bilateral Labour Migration Agreements published by the UN Network on Migration in 2022, showing which elements are present, missing or unclear. Third, practices that show how agreements are put into effect, with results and lessons where these are documented. Fourth, events such as GCM Talks and regional reviews, together with the commitments made there, which are followed up over time. Every entry cites where its information comes from.
page-take-action-title = Take action
page-take-action-body = You can help keep the hub accurate and useful. To share a practice, describe what was done, who took part, the period covered, the results and the lessons learned, and give at least one public source; the editors review it before publication. To propose a correction, say which page and which item are concerned, explain what is wrong and give a source for the correct information. To report progress on a commitment, start from the commitment concerned, describe what has been done since it was made, with dates and a source, and say whether it is completed, under way or stalled. Contributions from governments, international organisations, workers' and employers' organisations, civil society and researchers are all welcome.
page-take-action-links = Where to start
page-contribute = Share a practice
page-correct = Propose a correction (the link is at the foot of every record)
page-commitments = Follow the commitments
unit-persons = persons
unit-contracts = contracts
unit-permits = permits
unit-usd = US dollars
unit-cad = Canadian dollars
filters-jump = Filters ↓
agreement-read-text = Read the text, article by article
text-title = Text — { $title }
text-heading = The text, article by article
text-plain = Plain text
text-legend-found = Words a finding rests on
text-legend-against = Words that work against the Guidance
text-not-assessed = This text has not been assessed yet: it is shown without findings.
text-contents = Contents
text-works-against = Works against
text-none = No text of this agreement has been attached and read yet.
text-back = Back to the agreement
# Names of the languages texts are written in (ISO 639-1 codes).
language-name-ar = Arabic
language-name-de = German
language-name-en = English
language-name-es = Spanish
language-name-fr = French
language-name-it = Italian
language-name-nl = Dutch
language-name-pt = Portuguese
language-name-ru = Russian
language-name-zh = Chinese
language-name-tl = Tagalog
language-name-ne = Nepali
catalog-title = Passerelle: open data on labour migration agreements, practices and commitments
list-comma = {", "}
size-kb = { $size } KB
cite = Cite
