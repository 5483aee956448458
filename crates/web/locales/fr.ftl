# Chaînes de l’interface de Passerelle, en français (le fichier de référence
# est l’anglais : chaque langue a exactement les mêmes identifiants de
# message ; un test le vérifie).

## Cadre du site
site-tagline = Accords de migration de main-d’œuvre, pratiques et engagements
skip-to-content = Aller au contenu
nav-main = Navigation principale
nav-home = Accueil
nav-agreements = Accords
nav-search = Recherche
nav-assess = Évaluer un projet d’accord
nav-compare = Comparer
nav-practices = Pratiques
nav-events = Événements
nav-commitments = Engagements
nav-resources = Ressources
nav-gcm = Référentiel du Pacte mondial
nav-about = À propos
nav-api = Référence de l’API
nav-feeds = Flux
language-switcher = Langue
footer-licence = Passerelle est un logiciel libre (AGPL-3.0-or-later). Noms de pays : i18n-iso-countries (MIT) ; régions : UN M49.
footer-data = Données ouvertes : chaque liste peut être téléchargée au format CSV ou JSON, et l’API fournit les mêmes données.
menu = Menu

## Mots courants
search-label = Rechercher des accords, des clauses, des pratiques et des événements
search-button = Rechercher
search-placeholder = p. ex. commissions de recrutement, travail saisonnier, Maroc
filter-button = Appliquer les filtres
clear-filters = Effacer tous les filtres
download-csv = CSV brut (pour réimport)
download-json = JSON brut
column-id = Identifiant
column-title = Titre
column-summary = Résumé
column-sources = Sources
column-page = Page sur Passerelle
column-countries = Pays
column-start = Début
column-end = Fin
column-link = Lien
column-indicator = Indicateur
column-value = Valeur
column-unit = Unité
column-note = Note
download-xlsx = Tableur (XLSX)
download-csv-excel = Tableur (CSV)
previous-page = Précédent
next-page = Suivant
page-of = Page { $page } sur { $pages }
results-count = { $count ->
    [0] Aucun résultat
    [one] { $count } résultat
   *[other] { $count } résultats
}
records-count = { $count ->
    [one] { $count } fiche
   *[other] { $count } fiches
}
none-yet = Rien pour l’instant.
unknown = inconnu
more = Voir plus
source = Source
sources = Sources
source-accessed = consulté le { $date }
summary = Résumé
countries = Pays
objectives = Objectifs du Pacte mondial
principles = Principes directeurs
sort-by = Trier par
sort-newest = Plus récents d’abord
sort-oldest = Plus anciens d’abord
sort-title = Titre (A–Z)
sort-title-desc = Titre (Z–A)
sort-relevance = Pertinence
sort-updated = Dernières mises à jour
print = Imprimer
back = Retour

## Catégories de contenu
kind-agreements = Accords
kind-clauses = Clauses
kind-practices = Pratiques
kind-events = Événements
kind-commitments = Engagements
kind-resources = Ressources
kind-indicators = Indicateurs

## Facettes
facet-kind = Catégorie
facet-country = Pays
facet-country-all = Seulement les textes entre tous les pays cochés
facet-all-values = Toutes les valeurs ({ $count })
facet-find = Rechercher dans la liste
facet-origin = Pays d’origine
facet-destination = Pays de destination
facet-corridor = Corridor
facet-region = Région
facet-type = Type
facet-status = Statut
facet-year = Année
facet-objective = Objectif du Pacte mondial
facet-principle = Principe directeur
facet-sdg = ODD
facet-sector = Secteur
facet-occupation = Profession
facet-language = Langue
year-from = À partir de l’année
year-to = Jusqu’à l’année

## Types et statuts des accords
type-bilateral_agreement = Accord bilatéral
type-mou = Protocole d’accord
type-implementing_protocol = Protocole d’application
type-skills_mobility_partnership = Partenariat pour la mobilité des compétences
type-unilateral_scheme = Dispositif unilatéral
type-multilateral_framework = Cadre multilatéral
status-draft = Projet
status-signed = Signé
status-in_force = En vigueur
status-suspended = Suspendu
status-expired = Expiré
status-terminated = Résilié
status-unknown = Statut inconnu
role-origin = Origine
role-destination = Destination
role-both = Origine et destination

## Accueil
home-title = Les accords de migration de main-d’œuvre, réunis en un seul lieu
home-lead = Trouvez, comparez et améliorez les accords bilatéraux de migration de main-d’œuvre, les protocoles d’accord et les partenariats pour la mobilité des compétences, et suivez les pratiques et les engagements par lesquels les pays mettent en œuvre le Pacte mondial pour des migrations sûres, ordonnées et régulières.
home-latest-agreements = Derniers accords
home-upcoming-events = Événements
home-map = Les corridors sur la carte
home-counts = La plateforme en chiffres
home-all-agreements = Tous les accords
home-assess-cta = Vérifier un projet d’accord au regard des Orientations sur les accords bilatéraux de migration de main-d’œuvre

## Accords
agreements-title = Accords
agreements-lead = Accords bilatéraux, protocoles d’accord et partenariats pour la mobilité des compétences entre pays d’origine et pays de destination.
col-title = Titre
col-parties = Parties
col-type = Type
col-signed = Signature
col-status = Statut
col-date = Date
agreement-parties = Parties
agreement-timeline = Chronologie
agreement-signed-on = Signature
agreement-in-force-on = Entrée en vigueur
agreement-expires-on = Expiration
agreement-place = Lieu de signature
agreement-languages = Langues du texte
agreement-sectors = Secteurs
agreement-occupations = Professions
agreement-skill-level = Niveau de qualification
agreement-sector-notes = Notes sectorielles
agreement-quotas = Quotas
agreement-agencies = Organismes chargés de la mise en œuvre
agreement-documents = Textes
agreement-document-download = Télécharger le fichier
agreement-document-hidden = Un texte, qui n’est pas public
agreement-text-not-public = Le texte de cet accord n’est pas public.
agreement-notes = Notes
agreement-compare = Comparer avec d’autres accords
agreement-history = Historique

## Évaluation
assessment-title = Évaluation au regard des Orientations sur les accords bilatéraux de migration de main-d’œuvre
assessment-lead = Chacun des éléments des Orientations sur les accords bilatéraux de migration de main-d’œuvre (2022) du Réseau des Nations Unies sur les migrations, avec l’indication de sa prise en compte ou non par ce texte, et de l’endroit où il l’est.
assessment-none = Aucun texte de cet accord n’a encore été évalué.
assessment-coverage = Couverture : { $percent } %
assessment-of-document = Évaluation de { $document }
assessment-covered = Couvert
assessment-partial = Partiellement couvert
assessment-absent = Non trouvé
assessment-unassessed = Non établi
assessment-group-unassessed = Éléments que les sources ne permettent pas d'établir
coding-only = Codé à la main le { $date } : aucun texte de cet accord n'a été évalué par la machine.
coding-over-machine = Certains constats ont été codés à la main le { $date } et priment sur ceux de la machine.
coding-bases = Constats tirés du texte : { $text } · d'une description publiée : { $description }.
coding-sources = Sources ({ $count })
coding-settled = { $count } éléments sur { $total } établis par les sources
coding-missing-none = Aucun parmi les éléments que les sources établissent ; { $count } éléments ne sont pas établis par elles.
coding-articles = Article(s) { $articles }
coding-from-text = D'après le texte
coding-from-description = D'après une description publiée (aucun article lu)
coding-provenance-short = codé à la main d'après des sources publiées
coding-provenance = Codé à la main d'après la source ci-dessus
assessment-group-covered = Éléments couverts
assessment-group-partial = Éléments partiellement couverts
assessment-group-mentioned = Éléments seulement mentionnés
assessment-group-absent = Éléments absents
assessment-group-contrary = Éléments contredits par le texte
assessment-in-passing = mentionné en passant, sans disposition
assessment-mixed = une autre clause va à l’encontre
assessment-why = Pourquoi ce résultat ? (pour les relecteurs)
assessment-against-none = Aucune clause contraire aux Orientations n’a été repérée.
assessment-against = Clauses contraires aux Orientations
assessment-contrary = Contraire
assessment-in-force = statut : { $status }
assessment-mentioned = Seulement mentionné
assessment-missing = Ce qui manque
assessment-missing-none = Tous les éléments des Orientations ont été trouvés.
assessment-sector = Attendu des accords pour : { $sector }
assessment-evidence = Éléments à l’appui
assessment-show-evidence = Afficher la clause
assessment-cue = correspond à « { $cue } »
assessment-concern = Va à l’encontre des Orientations
assessment-provenance-machine = Suggéré automatiquement
assessment-provenance-machine-ocr = Suggéré automatiquement, à partir d’un texte lu par OCR
assessment-provenance-human = Ajouté lors de la relecture
assessment-provenance-machine_confirmed = Confirmé lors de la relecture
assessment-note = Note de relecture
assessment-element = Élément des Orientations
assessment-area = Domaine
assessment-language = Langue du texte : { $language }
assessment-clauses = Clauses lues : { $count }

## Comparer
compare-title = Comparer des accords
compare-lead = Choisissez de deux à quatre accords pour les voir côte à côte, élément par élément des Orientations.
compare-choose = Accords à comparer
compare-add = Accord (titre ou identifiant)
compare-button = Comparer
compare-too-few = Choisissez au moins deux accords.
compare-too-many = Il est possible de comparer quatre accords au maximum.
compare-not-assessed = non évalué

## Évaluer un projet d’accord
draft-title = Évaluer un projet d’accord
draft-lead = Téléversez un accord (PDF, DOCX, HTML ou texte) ou collez-en le texte : Passerelle indique, clause par clause, les éléments des Orientations qu’il couvre et ce qui manque. Rien n’est conservé.
draft-file = Fichier
draft-file-hint = PDF, DOCX, HTML ou texte brut, ou une page numérisée (PNG, JPEG, TIFF), jusqu’à 20 Mo. Les documents numérisés sont lus par OCR, ce qui peut prendre une minute ou plus.
draft-text = Ou collez le texte
draft-language = Langue du texte
draft-language-auto = Détecter automatiquement
draft-sectors = Pour un secteur (ajoute ce que les Orientations attendent des accords qui le concernent)
draft-submit = Évaluer
draft-report = Rapport
draft-download = Télécharger le rapport (HTML)
draft-empty = Fournissez un fichier ou collez un texte.
draft-stored-note = Ce rapport n’a pas été conservé.

## Recherche
search-title = Recherche
search-lead = Les résultats contiennent tous les mots (à défaut, le plus grand nombre d’entre eux) ; mettez une expression entre "guillemets", utilisez -mot pour exclure un mot, OR pour des variantes, et des filtres tels que country:MA ou year:2001..2023.
search-suggestion = Vouliez-vous dire
search-see-also = Voir aussi :
search-partial = Aucun résultat ne contient tous les mots cherchés : voici ceux qui en contiennent { $at_least } sur { $of }, les plus proches d’abord.
search-in-clause = Dans { $label }

## Plateforme
practices-title = Pratiques
practices-lead = Politiques, programmes, lois et outils qui mettent en œuvre le Pacte mondial, classés par objectif et par principe directeur.
events-title = Événements
events-lead = Consultations, échanges entre pairs et réunions, avec leurs résultats.
commitments-title = Engagements
commitments-lead = Engagements pris par les pays et les organisations, et état d’avancement de chacun.
resources-title = Ressources
resources-lead = Orientations, rapports, outils et textes juridiques à l’intention de celles et ceux qui négocient et mettent en œuvre des accords.
commitments-dashboard = État d’avancement des engagements
commitment-history = Historique
commitment-target = Échéance
commitment-modality = Modalité
commitment-kind = Nature de l’engagement
practice-type = Type de pratique
practice-entities = Entités chargées de la mise en œuvre
practice-period = Période
practice-links = Liens
event-when = Date
event-where = Lieu
event-format = Format
event-organisers = Organisations
event-outcomes = Résultats
event-challenges = Difficultés soulevées
event-practices = Pratiques présentées
event-agreements = Accords examinés
resource-publisher = Éditeur
resource-published = Date de publication
resource-open = Ouvrir la ressource
commitment-status-not_reported = État non communiqué
commitment-overdue = En retard
commitment-overdue-note = La date cible ({ $date }) est passée et l'engagement n'est pas signalé comme achevé.
commitment-not-reported-note = Aucun avancement n'a encore été communiqué avec une source. Les responsables de l'engagement peuvent indiquer son état avec la source qui l'atteste.
commitment-status-source = source
commitment-status-yet_to_start = Non commencé
commitment-status-in_progress = En cours
commitment-status-completed = Achevé
commitment-status-withdrawn = Retiré

## Profils
country-title = { $country }
country-as-origin = Accords en tant que pays d’origine
country-as-destination = Accords en tant que pays de destination
country-partners = Pays partenaires
map-legend-partners = Pays partenaires
map-legend-countries = Pays liés par au moins un accord
map-legend-lines = Accords entre deux pays : plus le trait est épais, plus ils sont nombreux ; un trait ouvre leur liste
country-per-year = Accords signés par an
country-commitments = Engagements
country-practices = Pratiques
country-region = Région
country-partner-count = { $count ->
    [one] { $count } accord
   *[other] { $count } accords
}
country-between = tous les textes entre les deux pays
corridor-title = { $origin } → { $destination }
corridor-lead = Accords entre ces deux pays, dans les deux sens.
chart-per-year = Accords par an (diagramme en barres)
countries-title = Pays
countries-lead = Tous les pays pour lesquels la plateforme recense des accords, des pratiques ou des engagements.

## Référentiel du Pacte mondial
gcm-title = Pacte mondial sur les migrations
gcm-lead = Les 23 objectifs et les 10 principes directeurs du Pacte mondial pour des migrations sûres, ordonnées et régulières, avec, pour chacun, ce que la plateforme contient à son sujet.
gcm-objective = Objectif { $number }
gcm-tagged = { $count ->
    [0] aucune fiche associée pour l’instant
    [one] { $count } fiche
   *[other] { $count } fiches
}

## À propos
about-title = À propos
about-contact = Contact
about-press = Presse
about-partners = Partenaires
about-what = Ce que fait Passerelle
about-what-text = Passerelle tient un registre des accords de migration de main-d’œuvre, avec leurs sources et leurs textes, analyse chaque texte au regard des Orientations sur les accords bilatéraux de migration de main-d’œuvre du Réseau des Nations Unies sur les migrations, et recense les pratiques, les événements et les engagements issus des échanges entre pairs, afin d’en permettre le suivi.

## Erreurs
error-title = Une erreur s’est produite
error-not_found = Cette page n’existe pas, ou la fiche a été supprimée.
error-invalid_query = Certains filtres ne sont pas valides :
error-text_not_public = Le texte de cet accord n’est pas public.
error-unreadable_file = Le fichier ne peut pas être lu.
error-unsupported_media_type = Ce type de fichier ne peut pas être lu.
error-payload_too_large = Le fichier est trop volumineux.
error-too_slow = La lecture du fichier prend trop de temps.
error-busy = Le serveur est occupé à lire d'autres fichiers ; réessayez dans une minute.
error-internal = Le serveur n’a pas pu répondre. Veuillez réessayer.
error-database_unavailable = La base de données ne répond pas pour le moment (elle redémarre peut-être). Rien n’a été modifié ; réessayez dans quelques secondes.
error-home = Aller à la page d’accueil
error-technical = Détail technique (en anglais)
# Between a label and what it labels (French puts a no-break space before it).
colon =  :

## Types de fiches
error-validation_failed = Certains champs ne sont pas valides :
col-records = Fiches
skill-low = Peu qualifiés
skill-medium = Moyennement qualifiés
skill-high = Hautement qualifiés
skill-mixed = Tous niveaux de qualification
sector-note-seasonal_work = Travail saisonnier
sector-note-health_workers = Personnel de santé
sector-note-domestic_workers = Travailleuses et travailleurs domestiques
practice-type-policy = Politique
practice-type-programme = Programme
practice-type-legislation = Législation
practice-type-tool = Outil
practice-type-partnership = Partenariat
event-kind-consultation = Consultation
event-kind-peer_exchange = Échange entre pairs
event-kind-meeting = Réunion
event-kind-training = Formation
event-kind-conference = Conférence
event-format-in_person = En présentiel
event-format-online = En ligne
event-format-hybrid = Hybride
resource-type-guidance = Orientations
resource-type-report = Rapport
resource-type-tool = Outil
resource-type-training = Support de formation
resource-type-legal_text = Texte juridique
resource-type-dataset = Jeu de données
commitment-kind-financial = Financier
commitment-kind-human_resources = Ressources humaines
commitment-kind-process = Processus
commitment-kind-policy = Politique
modality-individual = Individuel
modality-common = Commun
modality-partnership = Partenariat
modality-matching = Mise en relation

## Chiffres
country-figures = Chiffres
figure-value = Valeur
indicator-workers_admitted = Travailleurs admis
indicator-workers_authorised = Travailleurs autorisés
indicator-workers_selected = Travailleurs sélectionnés
indicator-workers_returning = Travailleurs rentrés
indicator-workers_employed = Travailleurs employés
indicator-workers_participating = Travailleurs participants
indicator-work_contracts = Contrats de travail
indicator-work_permits_issued_cumulative = Permis de travail délivrés (cumul)
indicator-circular_migrants_admitted = Migrants circulaires admis
indicator-participants_trained = Participants formés
indicator-migrant_stock = Nombre de migrants
indicator-remittances_received = Envois de fonds reçus
indicator-residence_permit_holders = Titulaires d’un titre de séjour
figure-indicator = Indicateur
indicators-title = Données
indicators-lead = Chiffres de la migration de main-d’œuvre au titre des accords, chacun avec sa source : travailleurs admis, contrats, envois de fonds.
nav-data = Données
nav-countries = Pays

## Comptes
nav-account = Compte
sign-in-title = Connexion
sign-in-lead = Les rédacteurs, relecteurs, contributeurs et administrateurs se connectent ici. Consulter la plateforme ne demande pas de compte.
sign-in-button = Se connecter
sign-in-failed = Adresse électronique ou mot de passe incorrect.
sign-in-throttled = Trop de tentatives échouées. Attendez un quart d’heure avant de réessayer.
sign-out = Se déconnecter
sign-out-everywhere = Se déconnecter partout
account-title = Votre compte
account-email = Adresse électronique
account-password = Mot de passe
account-name = Nom
account-organisation = Organisation
account-role = Rôle
role-admin = Administrateur
role-editor = Rédacteur
role-reviewer = Relecteur
role-contributor = Contributeur
tokens-title = Jetons d’API
tokens-lead = Un jeton permet à un script d’utiliser l’API avec votre rôle. Il n’est affiché qu’une fois, à sa création ; révoquez-le quand il ne sert plus.
token-name = Usage du jeton
token-create = Créer un jeton
token-created = Le jeton a été créé.
token-shown-once = Copiez ce jeton maintenant : il ne sera plus affiché.
token-secret = Jeton
token-revoke = Révoquer
token-revoked = Le jeton a été révoqué.
token-revoked-on = révoqué le { $date }
token-live = actif
profile-title = Votre profil
profile-lang = Langue de vos pages
profile-lang-browser = Celle de mon navigateur
profile-save = Enregistrer
profile-saved = Votre profil est enregistré.
password-title = Changer de mot de passe
password-current = Mot de passe actuel
password-new = Nouveau mot de passe
password-again = Nouveau mot de passe (confirmation)
password-hint = Au moins { $count } caractères.
password-change = Changer le mot de passe
password-too-short = Le nouveau mot de passe est trop court.
password-mismatch = Les deux nouveaux mots de passe diffèrent.
password-wrong = Le mot de passe actuel est incorrect.
users-title = Utilisateurs
user-add = Ajouter un utilisateur
user-added = L’utilisateur a été ajouté.
user-exists = Un utilisateur avec cette adresse électronique existe déjà.
user-disable = Désactiver
user-enable = Réactiver
user-disabled = L’utilisateur a été désactivé et déconnecté partout.
user-enabled = L’utilisateur a été réactivé.
user-not-self = Vous ne pouvez pas désactiver votre propre compte.
user-state-active = Actif
user-state-disabled = Désactivé
error-unauthorized = Connectez-vous pour faire cela.
error-forbidden = Votre rôle ne le permet pas.
error-csrf = Le formulaire a expiré. Rechargez la page et envoyez-le de nouveau.
error-conflict = Cela entre en conflit avec ce qui est déjà enregistré.
error-too_many_proposals = Beaucoup de corrections sont venues d'ici dans la dernière heure. Veuillez réessayer plus tard.
error-fetch_failed = Le texte n’a pas pu être récupéré à cette adresse.
error-method_not_allowed = Cette action n’est pas possible à cette adresse.
error-malformed_json = Le contenu envoyé n’est pas du JSON valide.
error-referenced = Cette fiche est encore citée par d’autres fiches : retirez d’abord ces liens.

## Journal d’audit
audit-title = Journal d’audit
audit-lead = Chaque modification, avec son auteur, sa date et ce qui a changé. Rien ne peut y être modifié.
audit-subject = Objet
audit-any = Tous
audit-record = Fiche
audit-actor = Auteur
audit-action = Action
audit-changes = Modifications
audit-fields = { $count ->
    [one] { $count } champ
   *[other] { $count } champs
}
audit-older = Entrées plus anciennes
action-create = Création
action-update = Modification
action-delete = Suppression
action-attach = Texte joint
action-detach = Texte retiré
action-assess = Évaluation
action-review = Constat examiné
action-disable = Désactivation
action-enable = Réactivation
action-revoke = Révocation
kind-users = Utilisateurs
kind-tokens = Jetons d’API

## Examen des contributions
review-title = Contributions à examiner
review-lead = Les pratiques soumises par les contributeurs attendent ici. Prenez-en une en examen, publiez-la, ou rejetez-la en disant pourquoi ; le contributeur voit chaque décision avec son commentaire.
review-comment = Commentaire (obligatoire pour un rejet)
review-start = Prendre en examen
review-publish = Publier
review-reject = Rejeter
review-done = La décision a été enregistrée.
review-needs-comment = Dites pourquoi la pratique est rejetée.
review-not-applicable = Cette décision ne s’applique pas à la pratique dans son état actuel.
review-empty = Rien n’attend d’examen.
publication-draft = Brouillon
publication-submitted = Soumise
publication-in_review = En examen
publication-published = Publiée
publication-rejected = Rejetée

## Corrections
correction-title = Proposer une correction
correction-lead = Une erreur ou un oubli ? Indiquez ce qu’il faudrait et où le vérifier ; un rédacteur l’examinera. Aucun compte n’est nécessaire.
correction-field = Ce qui est erroné (par exemple : date de signature, parties)
correction-proposal = Ce qu’il faudrait indiquer
correction-source = Source (un lien où le vérifier)
correction-contact = Votre nom ou votre adresse électronique, si vous souhaitez une réponse
correction-send = Envoyer la correction
correction-thanks = Merci. La correction a été transmise aux rédacteurs.
corrections-title = Corrections proposées
corrections-lead = Corrections proposées par les lecteurs, des plus anciennes aux plus récentes. Modifiez la fiche si la source le confirme, puis acceptez ; ou refusez en disant pourquoi.
corrections-empty = Aucune correction n’est en attente.
correction-note = Note (facultative)
correction-accept = Accepter
correction-decline = Refuser
correction-decided = La décision a été enregistrée.

contributions-title = Vos contributions
contribute-title = Proposer une pratique
contribute-edit-title = Réviser votre pratique
contribute-lead = Décrivez une politique, un programme, une loi ou un outil qui met en œuvre le Pacte mondial. Enregistrez-la comme brouillon pour la terminer plus tard, ou soumettez-la : des relecteurs la vérifient avant sa publication, et vous pouvez la réviser tant qu'ils ne l'ont pas prise en main.
contribute-countries-hint = Maintenez Ctrl (ou ⌘) pour en choisir plusieurs.
contribute-entities = Organisations chargées de la mise en œuvre
contribute-one-per-line = Une par ligne.
contribute-start = Date de début
contribute-link = Page web de la pratique
contribute-source = Source (adresse)
contribute-source-title = Source (titre)
contribute-submit = Soumettre pour relecture
contribute-save-draft = Enregistrer comme brouillon
contribute-withdraw = Retirer cette pratique
contribute-edit = Réviser
contribute-saved = Votre pratique est enregistrée.
contribute-withdrawn = Votre pratique a été retirée.
contribute-link-lead = Proposer une pratique
draft-attach = Joindre à un accord (facultatif)
draft-attach-hint = L'identifiant ou le slug de l'accord : le fichier est alors conservé avec lui et évalué sur sa page, au lieu d'ici seulement.
agreement-attach-file = Joindre un texte de cet accord
agreement-attach = Joindre et évaluer
agreement-attach-hint = PDF, DOCX, HTML ou texte brut, ou une page numérisée (PNG, JPEG, TIFF), jusqu’à 50 Mo. Les documents numérisés sont lus par OCR, ce qui peut prendre quelques minutes.
agreement-document-source = Récupéré le { $date } à l’adresse
document-ocr = Lu par OCR (reconnaissance de caractères) sur un document numérisé : { $pages ->
    [one] une page
   *[other] { $pages } pages
}, confiance moyenne { $confidence } %.
document-ocr-doubtful = À vérifier sur le document numérisé : page(s) { $pages }, lue(s) avec moins de certitude.
text-ocr = Ce texte a été lu par OCR (reconnaissance de caractères) sur un document numérisé ({ $pages ->
    [one] une page
   *[other] { $pages } pages
}, confiance moyenne { $confidence } %). Certains mots peuvent différer de l’original.
assessment-ocr = Le texte évalué a été lu par OCR sur un document numérisé (confiance moyenne { $confidence } %) : les constatations automatiques reposent sur des caractères reconnus et sont à vérifier sur le document.
agreement-attach-url = Ou le récupérer à son adresse officielle
agreement-attach-url-hint = L’adresse permanente du texte (journal officiel, site d’un ministère) : un PDF, un DOCX, une page HTML ou un texte. Seules les adresses publiques sont suivies ; l’adresse est gardée comme source.
agreement-attach-fetch = Récupérer et évaluer
fetch-bad-address = Ce n’est pas une adresse http ou https utilisable (sans nom d’utilisateur ni mot de passe).
fetch-not-public = Cette adresse mène à un réseau privé ou à la machine elle-même : seules les adresses publiques sont récupérées.
fetch-unresolved = Ce nom de site n’existe pas ou ne répond pas.
fetch-redirects = L’adresse renvoie vers d’autres adresses plus de cinq fois.
fetch-too-large = Le fichier à cette adresse dépasse 50 Mo.
fetch-too-slow = Le site a mis plus de 30 secondes à répondre.
fetch-status = Le site n’a pas fourni le texte (la page est introuvable ou refusée).
fetch-unsupported = Cette adresse ne mène pas à un PDF, un DOCX, une page HTML ou un texte.
fetch-network = La connexion au site a échoué.
user-edit = Changer le rôle ou l'organisation
user-updated = L'utilisateur est modifié ; cela vaut dès sa prochaine requête.
user-not-self-role = Vous ne pouvez pas changer votre propre rôle : demandez à un autre administrateur.
invalid-required = ce champ est obligatoire
invalid-too_long = { $length } caractères ; au plus { $max }
invalid-country = « { $value } » n'est pas un code de pays (ISO 3166-1, par ex. MA)
invalid-objective = { $value } n'est pas un objectif du Pacte mondial (1 à 23)
invalid-empty = ne doit pas être vide
invalid-url = « { $value } » n'est pas une adresse web commençant par http:// ou https://
invalid-before = { $date } est antérieure à { $other } ({ $other_date })
invalid-twice = « { $value } » figure deux fois
user-operator-note = Détient le jeton d'API de la configuration (ou créé au premier démarrage) ; ne peut pas se connecter. Le désactiver arrête ce jeton.
invalid-email = « { $value } » n'est pas une adresse électronique
draft-samples = Essayer un projet d'exemple :
draft-samples-note = Quatre projets rédigés pour Passerelle entre deux États fictifs, chacun avec de bonnes dispositions, des lacunes et des clauses défavorables aux travailleurs.
draft-compare = Comparer cet exemple avec des accords du registre
draft-compare-own = Comparer votre projet avec des accords du registre
compare-sample = ou un projet d'exemple
compare-sample-none = (aucun)
compare-own-draft = Comparer votre propre projet
compare-own-draft-note = Collez ou téléversez un projet et indiquez les accords à placer à côté. Le projet est évalué pour cette page seulement et n'est pas enregistré.
compare-your-draft = Votre projet
compare-draft-unsaved = projet, non enregistré
countries-all = Tous les pays
countries-champions = Pays champions du Pacte mondial ({ $count })
champions-note = Pays qui se sont portés volontaires auprès du Réseau des Nations Unies sur les migrations pour montrer l'exemple dans la mise en œuvre du Pacte mondial. L'année est celle de leur adhésion lorsqu'une source l'indique, sinon celle de la première source qui les cite.
champions-initiative = L'initiative des pays champions
champions-all = Tous les pays champions
col-champion = Champion du Pacte depuis
country-champion-since = Pays champion du Pacte mondial depuis { $year }
country-champion-named = Cité comme pays champion du Pacte mondial en { $year }
practice-ongoing = en cours
practice-results = Résultats
practice-lessons = Enseignements
event-people = Intervenants et organisateurs
event-press = Contacts presse
sdgs-title = Le Programme de développement durable à l'horizon 2030
sdgs-lead = Le Pacte mondial s'appuie sur le Programme 2030. Ses cibles sur les migrations et le travail décent viennent d'abord ci-dessous, puis chacun des objectifs de développement durable avec ce que ce hub y rattache.
sdgs-targets = Cibles sur les migrations et le travail
sdgs-target = Cible { $target }
sdgs-goal = Objectif { $number }
sdgs-goals = Les 17 objectifs
sdgs-note = Les fiches sont rattachées à des objectifs, pas à des cibles : le lien d'une cible mène à ce qui est rattaché à son objectif.
sdgs-link = Le Programme 2030 : objectifs de développement durable et cibles sur les migrations
sdg-target-10-7 = Des migrations et une mobilité ordonnées, sûres, régulières et responsables, grâce à des politiques migratoires planifiées et bien gérées.
sdg-target-8-8 = Les droits du travail et des conditions de travail sûres pour tous les travailleurs, y compris les migrants, en particulier les femmes migrantes et les personnes en emploi précaire.
sdg-target-8-7 = La fin du travail forcé, de l'esclavage moderne, de la traite des êtres humains et du travail des enfants.
sdg-target-10-c = Des frais d'envoi de fonds ramenés sous 3 %, aucun couloir ne dépassant 5 %.
page-who-we-are-title = Qui sommes-nous
page-who-we-are-body = Ce hub est un espace commun pour les personnes qui travaillent sur les accords de migration de main-d'œuvre dans le cadre du Pacte mondial pour des migrations sûres, ordonnées et régulières (PMM). Il s'adresse aux négociateurs et agents des administrations, aux équipes de l'OIM et de l'OIT, aux syndicats, aux organisations d'employeurs et aux chercheurs qui veulent savoir quels accords existent entre pays, ce qu'ils contiennent et comment ils fonctionnent en pratique. Le hub est né du GCM Talk sur les accords bilatéraux de migration de main-d'œuvre et les partenariats pour la mobilité des compétences que le Maroc a accueilli à Rabat en juillet 2023 ; ses premiers contenus reprennent ce qui y a été partagé. Il est ouvert aux contributions de toutes les régions. Chaque contenu est publié avec ses sources afin que chacun puisse le vérifier.
page-our-work-title = Notre travail
page-our-work-body = Le hub réunit quatre types d'informations. D'abord, un registre des accords de migration de main-d'œuvre – accords bilatéraux, mémorandums d'entente, protocoles d'application et partenariats pour la mobilité des compétences – chacun relié à son texte ou aux sources qui le décrivent. Ensuite, une évaluation des accords au regard des Orientations sur les accords bilatéraux de migration de main-d'œuvre publiées en 2022 par le Réseau des Nations Unies sur les migrations, qui indique les éléments présents, absents ou peu clairs. Puis des pratiques montrant comment les accords sont mis en œuvre, avec leurs résultats et enseignements lorsqu'ils sont documentés. Enfin, des événements comme les GCM Talks et les examens régionaux, ainsi que les engagements qui y ont été pris et dont le suivi est assuré dans la durée. Chaque fiche cite d'où viennent ses informations.
page-take-action-title = Agir
page-take-action-body = Vous pouvez contribuer à garder le hub exact et utile. Pour partager une pratique, décrivez ce qui a été fait, qui y a participé, la période couverte, les résultats et les enseignements, et donnez au moins une source publique ; l'équipe éditoriale la relit avant publication. Pour proposer une correction, indiquez la page et l'élément concernés, expliquez ce qui est inexact et donnez une source pour l'information correcte. Pour signaler l'avancement d'un engagement, partez de l'engagement concerné, décrivez ce qui a été fait depuis, avec des dates et une source, et précisez s'il est réalisé, en cours ou à l'arrêt. Les contributions des gouvernements, des organisations internationales, des organisations de travailleurs et d'employeurs, de la société civile et des chercheurs sont toutes bienvenues.
page-take-action-links = Par où commencer
page-contribute = Partager une pratique
page-correct = Proposer une correction (le lien figure au bas de chaque fiche)
page-commitments = Suivre les engagements
unit-persons = personnes
unit-contracts = contrats
unit-permits = permis
unit-usd = dollars des États-Unis
unit-cad = dollars canadiens
filters-jump = Filtres ↓
agreement-read-text = Lire le texte, article par article
text-title = Texte — { $title }
text-heading = Le texte, article par article
text-plain = Texte brut
text-legend-found = Mots sur lesquels repose une constatation
text-legend-against = Mots qui vont à l’encontre des Orientations
text-not-assessed = Ce texte n’a pas encore été évalué : il est présenté sans constatations.
text-contents = Sommaire
text-works-against = Va à l’encontre
text-none = Aucun texte de cet accord n’a encore été joint ni lu.
text-back = Retour à l’accord
# Names of the languages texts are written in (ISO 639-1 codes).
language-name-ar = arabe
language-name-de = allemand
language-name-en = anglais
language-name-es = espagnol
language-name-fr = français
language-name-it = italien
language-name-nl = néerlandais
language-name-pt = portugais
language-name-ru = russe
language-name-zh = chinois
language-name-tl = tagalog
language-name-ne = népalais
catalog-title = Passerelle : données ouvertes sur les accords de migration de main-d’œuvre, les pratiques et les engagements
list-comma = {", "}
size-kb = { $size } Ko
cite = Citer
