# Cadenas de la interfaz de Passerelle, en español (el archivo de referencia
# es el inglés: todos los idiomas tienen exactamente los mismos
# identificadores de mensaje; una prueba lo comprueba).

## Marco del sitio
site-tagline = Acuerdos de migración laboral, prácticas y compromisos
skip-to-content = Ir al contenido
nav-main = Navegación principal
nav-home = Inicio
nav-agreements = Acuerdos
nav-search = Búsqueda
nav-assess = Evaluar un proyecto de acuerdo
nav-compare = Comparar
nav-practices = Prácticas
nav-events = Eventos
nav-commitments = Compromisos
nav-resources = Recursos
nav-gcm = Referencia del Pacto Mundial
nav-about = Acerca de
nav-api = Referencia de la API
nav-feeds = Fuentes web
language-switcher = Idioma
footer-licence = Passerelle es software libre (AGPL-3.0-or-later). Nombres de países: i18n-iso-countries (MIT); regiones: UN M49.
footer-data = Datos abiertos: todas las listas pueden descargarse en CSV o JSON, y la API ofrece los mismos datos.
menu = Menú

## Palabras comunes
search-label = Buscar acuerdos, cláusulas, prácticas y eventos
search-button = Buscar
search-placeholder = p. ej., comisiones de contratación, trabajo estacional, Marruecos
filter-button = Aplicar filtros
clear-filters = Borrar todos los filtros
download-csv = CSV sin procesar (para reimportar)
download-json = JSON sin procesar
column-id = Identificador
column-title = Título
column-summary = Resumen
column-sources = Fuentes
column-page = Página en Passerelle
column-countries = Países
column-start = Inicio
column-end = Fin
column-link = Enlace
column-indicator = Indicador
column-value = Valor
column-unit = Unidad
column-note = Nota
download-xlsx = Hoja de cálculo (XLSX)
download-csv-excel = Hoja de cálculo (CSV)
previous-page = Anterior
next-page = Siguiente
page-of = Página { $page } de { $pages }
results-count = { $count ->
    [0] Ningún resultado
    [one] { $count } resultado
   *[other] { $count } resultados
}
records-count = { $count ->
    [one] { $count } registro
   *[other] { $count } registros
}
none-yet = Todavía no hay nada aquí.
unknown = desconocido
more = Ver más
source = Fuente
sources = Fuentes
source-accessed = consultado el { $date }
summary = Resumen
countries = Países
objectives = Objetivos del Pacto Mundial
principles = Principios rectores
sort-by = Ordenar por
sort-newest = Más recientes primero
sort-oldest = Más antiguos primero
sort-title = Título (A–Z)
sort-title-desc = Título (Z–A)
sort-relevance = Pertinencia
sort-updated = Actualizados recientemente
print = Imprimir
back = Volver

## Categorías de contenido
kind-agreements = Acuerdos
kind-clauses = Cláusulas
kind-practices = Prácticas
kind-events = Eventos
kind-commitments = Compromisos
kind-resources = Recursos
kind-indicators = Indicadores

## Facetas
facet-kind = Categoría
facet-country = País
facet-country-all = Solo los textos entre todos los países marcados
facet-all-values = Todos los valores ({ $count })
facet-find = Buscar en la lista
facet-origin = País de origen
facet-destination = País de destino
facet-corridor = Corredor
facet-region = Región
facet-type = Tipo
facet-status = Estado
facet-year = Año
facet-objective = Objetivo del Pacto Mundial
facet-principle = Principio rector
facet-sdg = ODS
facet-sector = Sector
facet-occupation = Ocupación
facet-language = Idioma
year-from = Desde el año
year-to = Hasta el año

## Tipos y estados de los acuerdos
type-bilateral_agreement = Acuerdo bilateral
type-mou = Memorando de entendimiento
type-implementing_protocol = Protocolo de aplicación
type-skills_mobility_partnership = Asociación para la movilidad de competencias
type-unilateral_scheme = Programa unilateral
type-multilateral_framework = Marco multilateral
status-draft = Proyecto
status-signed = Firmado
status-in_force = En vigor
status-suspended = Suspendido
status-expired = Vencido
status-terminated = Terminado
status-unknown = Estado desconocido
role-origin = Origen
role-destination = Destino
role-both = Origen y destino

## Inicio
home-title = Los acuerdos de migración laboral, en un solo lugar
home-lead = Encuentre, compare y mejore acuerdos bilaterales de migración laboral, memorandos de entendimiento y asociaciones para la movilidad de competencias, y haga un seguimiento de las prácticas y los compromisos mediante los cuales los países aplican el Pacto Mundial para la Migración Segura, Ordenada y Regular.
home-latest-agreements = Últimos acuerdos
home-upcoming-events = Eventos
home-map = Los corredores en el mapa
home-counts = La plataforma en cifras
home-all-agreements = Todos los acuerdos
home-assess-cta = Verificar un proyecto de acuerdo con arreglo a las Orientaciones sobre los acuerdos bilaterales de migración laboral

## Acuerdos
agreements-title = Acuerdos
agreements-lead = Acuerdos bilaterales, memorandos de entendimiento y asociaciones para la movilidad de competencias entre países de origen y de destino.
col-title = Título
col-parties = Partes
col-type = Tipo
col-signed = Firma
col-status = Estado
col-date = Fecha
agreement-parties = Partes
agreement-timeline = Cronología
agreement-signed-on = Firma
agreement-in-force-on = Entrada en vigor
agreement-expires-on = Vencimiento
agreement-place = Lugar de la firma
agreement-languages = Idiomas del texto
agreement-sectors = Sectores
agreement-occupations = Ocupaciones
agreement-skill-level = Nivel de cualificación
agreement-sector-notes = Notas sectoriales
agreement-quotas = Cupos
agreement-agencies = Organismos de ejecución
agreement-documents = Textos
agreement-document-download = Descargar el archivo
agreement-document-hidden = Un texto, que no es público
agreement-text-not-public = El texto de este acuerdo no es público.
agreement-notes = Notas
agreement-compare = Comparar con otros acuerdos
agreement-history = Historial

## Evaluación
assessment-title = Evaluación con arreglo a las Orientaciones sobre los acuerdos bilaterales de migración laboral
assessment-lead = Cada uno de los elementos de las Orientaciones sobre los acuerdos bilaterales de migración laboral (2022) de la Red de las Naciones Unidas sobre la Migración, con indicación de si este texto lo recoge y dónde.
assessment-none = Todavía no se ha evaluado ningún texto de este acuerdo.
assessment-coverage = Cobertura: { $percent } %
assessment-of-document = Evaluación de { $document }
assessment-covered = Recogido
assessment-partial = Recogido parcialmente
assessment-absent = No encontrado
assessment-unassessed = No determinado
assessment-group-unassessed = Elementos que las fuentes no permiten determinar
coding-only = Codificado a mano el { $date }: la máquina no ha evaluado ningún texto de este acuerdo.
coding-over-machine = Algunas conclusiones se codificaron a mano el { $date } y prevalecen sobre las de la máquina.
coding-bases = Conclusiones tomadas del texto: { $text } · de una descripción publicada: { $description }.
coding-sources = Fuentes ({ $count })
coding-settled = { $count } de { $total } elementos determinados por las fuentes
coding-missing-none = Ninguno entre los elementos que las fuentes determinan; { $count } elementos no quedan determinados por ellas.
coding-articles = Artículo(s) { $articles }
coding-from-text = Según el texto
coding-from-description = Según una descripción publicada (no se leyó ningún artículo)
coding-provenance-short = codificado a mano a partir de fuentes publicadas
coding-provenance = Codificado a mano a partir de la fuente indicada
assessment-group-covered = Elementos cubiertos
assessment-group-partial = Elementos cubiertos en parte
assessment-group-mentioned = Elementos solo mencionados
assessment-group-absent = Elementos ausentes
assessment-group-contrary = Elementos que el texto contradice
assessment-in-passing = mencionado de paso, sin disposición
assessment-mixed = otra cláusula va en contra
assessment-why = ¿Por qué este resultado? (para revisores)
assessment-against-none = No se ha detectado ninguna cláusula contraria a la Orientación.
assessment-against = Cláusulas contrarias a la Orientación
assessment-contrary = Contrario
assessment-in-force = estado: { $status }
assessment-mentioned = Solo mencionado
assessment-missing = Lo que falta
assessment-missing-none = Se encontraron todos los elementos de las Orientaciones.
assessment-sector = Lo que se espera de los acuerdos para: { $sector }
assessment-evidence = Elementos justificativos
assessment-show-evidence = Mostrar la cláusula
assessment-cue = coincide con «{ $cue }»
assessment-concern = Va en contra de la Orientación
assessment-provenance-machine = Sugerido automáticamente
assessment-provenance-machine-ocr = Sugerido automáticamente, a partir de un texto leído por OCR
assessment-provenance-human = Añadido en la revisión
assessment-provenance-machine_confirmed = Confirmado en la revisión
assessment-note = Nota de revisión
assessment-element = Elemento de las Orientaciones
assessment-area = Ámbito
assessment-language = Idioma del texto: { $language }
assessment-clauses = Cláusulas leídas: { $count }

## Comparar
compare-title = Comparar acuerdos
compare-lead = Elija entre dos y cuatro acuerdos para verlos uno al lado del otro, elemento por elemento de las Orientaciones.
compare-choose = Acuerdos para comparar
compare-add = Acuerdo (título o identificador)
compare-button = Comparar
compare-too-few = Elija al menos dos acuerdos.
compare-too-many = Se pueden comparar cuatro acuerdos como máximo.
compare-not-assessed = no evaluado

## Evaluar un proyecto de acuerdo
draft-title = Evaluar un proyecto de acuerdo
draft-lead = Cargue un acuerdo (PDF, DOCX, HTML o texto) o pegue su texto: Passerelle indica, cláusula por cláusula, qué elementos de las Orientaciones recoge y qué falta. No se guarda nada.
draft-file = Archivo
draft-file-hint = PDF, DOCX, HTML o texto sin formato, o una página escaneada (PNG, JPEG, TIFF), hasta 20 MB. Los documentos escaneados se leen por OCR, lo que puede tardar un minuto o más.
draft-text = O pegue el texto
draft-language = Idioma del texto
draft-language-auto = Detectar automáticamente
draft-sectors = Para un sector (añade lo que las Orientaciones esperan de los acuerdos que lo conciernen)
draft-submit = Evaluar
draft-report = Informe
draft-download = Descargar el informe (HTML)
draft-empty = Proporcione un archivo o pegue un texto.
draft-stored-note = Este informe no se ha guardado.

## Búsqueda
search-title = Búsqueda
search-lead = Los resultados contienen todas las palabras (si no, el mayor número de ellas); ponga una frase entre "comillas", use -palabra para excluir una palabra, OR para alternativas y filtros como country:MA o year:2001..2023.
search-suggestion = Quizás quiso decir
search-see-also = Véase también:
search-partial = Ningún resultado contiene todas las palabras buscadas: estos contienen { $at_least } de { $of }, los más cercanos primero.
search-in-clause = En { $label }

## Plataforma
practices-title = Prácticas
practices-lead = Políticas, programas, leyes y herramientas que aplican el Pacto Mundial, clasificados por objetivo y principio rector.
events-title = Eventos
events-lead = Consultas, intercambios entre pares y reuniones, con sus resultados.
commitments-title = Compromisos
commitments-lead = Compromisos asumidos por países y organizaciones, y el estado de cada uno.
resources-title = Recursos
resources-lead = Orientaciones, informes, herramientas y textos jurídicos para quienes negocian y aplican acuerdos.
commitments-dashboard = Estado de los compromisos
commitment-history = Historial
commitment-target = Fecha prevista
commitment-modality = Modalidad
commitment-kind = Tipo de compromiso
practice-type = Tipo de práctica
practice-entities = Entidades de ejecución
practice-period = Período
practice-links = Enlaces
event-when = Fecha
event-where = Lugar
event-format = Formato
event-organisers = Organizaciones
event-outcomes = Resultados
event-challenges = Dificultades planteadas
event-practices = Prácticas presentadas
event-agreements = Acuerdos examinados
resource-publisher = Editor
resource-published = Fecha de publicación
resource-open = Abrir el recurso
commitment-status-not_reported = Estado no comunicado
commitment-overdue = Atrasado
commitment-overdue-note = La fecha prevista ({ $date }) ya pasó y el compromiso no figura como finalizado.
commitment-not-reported-note = Todavía no se ha comunicado ningún avance con una fuente. Los responsables del compromiso pueden indicar su estado con la fuente que lo acredita.
commitment-status-source = fuente
commitment-status-yet_to_start = Sin iniciar
commitment-status-in_progress = En curso
commitment-status-completed = Finalizado
commitment-status-withdrawn = Retirado

## Perfiles
country-title = { $country }
country-as-origin = Acuerdos como país de origen
country-as-destination = Acuerdos como país de destino
country-partners = Países asociados
map-legend-partners = Países socios
map-legend-countries = Países con al menos un acuerdo
map-legend-lines = Acuerdos entre dos países: cuanto más gruesa la línea, más acuerdos; una línea abre su lista
country-per-year = Acuerdos firmados por año
country-commitments = Compromisos
country-practices = Prácticas
country-region = Región
country-partner-count = { $count ->
    [one] { $count } acuerdo
   *[other] { $count } acuerdos
}
country-between = todos los textos entre ambos países
corridor-title = { $origin } → { $destination }
corridor-lead = Acuerdos entre estos dos países, en ambos sentidos.
chart-per-year = Acuerdos por año (gráfico de barras)
countries-title = Países
countries-lead = Todos los países con acuerdos, prácticas o compromisos en la plataforma.

## Referencia del Pacto Mundial
gcm-title = Pacto Mundial para la Migración
gcm-lead = Los 23 objetivos y los 10 principios rectores del Pacto Mundial para la Migración Segura, Ordenada y Regular, cada uno con lo que la plataforma contiene al respecto.
gcm-objective = Objetivo { $number }
gcm-tagged = { $count ->
    [0] todavía no hay nada etiquetado
    [one] { $count } registro
   *[other] { $count } registros
}

## Acerca de
about-title = Acerca de
about-contact = Contacto
about-press = Prensa
about-partners = Asociados
about-what = Qué hace Passerelle
about-what-text = Passerelle mantiene un registro de los acuerdos de migración laboral con sus fuentes y textos, analiza cada texto con arreglo a las Orientaciones sobre los acuerdos bilaterales de migración laboral de la Red de las Naciones Unidas sobre la Migración, y recoge las prácticas, los eventos y los compromisos que surgen de los intercambios entre pares, para que se les pueda dar seguimiento.

## Errores
error-title = Se ha producido un error
error-not_found = Esta página no existe o el registro se ha eliminado.
error-invalid_query = Algunos filtros no son válidos:
error-text_not_public = El texto de este acuerdo no es público.
error-unreadable_file = No se puede leer el archivo.
error-unsupported_media_type = No se puede leer este tipo de archivo.
error-payload_too_large = El archivo es demasiado grande.
error-too_slow = La lectura del archivo tarda demasiado.
error-busy = El servidor está ocupado leyendo otros archivos; vuelva a intentarlo en un minuto.
error-internal = El servidor no ha podido responder. Vuelva a intentarlo.
error-database_unavailable = La base de datos no responde en este momento (puede estar reiniciándose). No se ha modificado nada; vuelva a intentarlo en unos segundos.
error-home = Ir a la página de inicio
error-technical = Detalle técnico (en inglés)
# Between a label and what it labels (French puts a no-break space before it).
colon = :

## Tipos de fichas
error-validation_failed = Algunos campos no son válidos:
col-records = Fichas
skill-low = Poco cualificados
skill-medium = Medianamente cualificados
skill-high = Altamente cualificados
skill-mixed = Todos los niveles de cualificación
sector-note-seasonal_work = Trabajo de temporada
sector-note-health_workers = Personal de salud
sector-note-domestic_workers = Trabajadoras y trabajadores domésticos
practice-type-policy = Política
practice-type-programme = Programa
practice-type-legislation = Legislación
practice-type-tool = Herramienta
practice-type-partnership = Asociación
event-kind-consultation = Consulta
event-kind-peer_exchange = Intercambio entre pares
event-kind-meeting = Reunión
event-kind-training = Formación
event-kind-conference = Conferencia
event-format-in_person = Presencial
event-format-online = En línea
event-format-hybrid = Híbrido
resource-type-guidance = Orientaciones
resource-type-report = Informe
resource-type-tool = Herramienta
resource-type-training = Material de formación
resource-type-legal_text = Texto jurídico
resource-type-dataset = Conjunto de datos
commitment-kind-financial = Financiero
commitment-kind-human_resources = Recursos humanos
commitment-kind-process = Proceso
commitment-kind-policy = Política
modality-individual = Individual
modality-common = Común
modality-partnership = Asociación
modality-matching = Emparejamiento

## Cifras
country-figures = Cifras
figure-value = Valor
indicator-workers_admitted = Trabajadores admitidos
indicator-workers_authorised = Trabajadores autorizados
indicator-workers_selected = Trabajadores seleccionados
indicator-workers_returning = Trabajadores que regresaron
indicator-workers_employed = Trabajadores empleados
indicator-workers_participating = Trabajadores participantes
indicator-work_contracts = Contratos de trabajo
indicator-work_permits_issued_cumulative = Permisos de trabajo expedidos (acumulado)
indicator-circular_migrants_admitted = Migrantes circulares admitidos
indicator-participants_trained = Participantes formados
indicator-migrant_stock = Población migrante
indicator-remittances_received = Remesas recibidas
indicator-residence_permit_holders = Titulares de permiso de residencia
figure-indicator = Indicador
indicators-title = Datos
indicators-lead = Cifras de la migración laboral en el marco de los acuerdos, cada una con su fuente: trabajadores admitidos, contratos, remesas.
nav-data = Datos
nav-countries = Países

## Cuentas
nav-account = Cuenta
sign-in-title = Iniciar sesión
sign-in-lead = Editores, revisores, colaboradores y administradores inician sesión aquí. Consultar la plataforma no requiere cuenta.
sign-in-button = Iniciar sesión
sign-in-failed = Correo electrónico o contraseña incorrectos.
sign-in-throttled = Demasiados intentos fallidos. Espere un cuarto de hora e inténtelo de nuevo.
sign-out = Cerrar sesión
sign-out-everywhere = Cerrar sesión en todas partes
account-title = Su cuenta
account-email = Correo electrónico
account-password = Contraseña
account-name = Nombre
account-organisation = Organización
account-role = Función
role-admin = Administrador
role-editor = Editor
role-reviewer = Revisor
role-contributor = Colaborador
tokens-title = Tokens de API
tokens-lead = Un token permite que un script use la API con su función. Se muestra una sola vez, al crearlo; revóquelo cuando ya no lo necesite.
token-name = Para qué sirve el token
token-create = Crear un token
token-created = Se creó el token.
token-shown-once = Copie este token ahora: no se volverá a mostrar.
token-secret = Token
token-revoke = Revocar
token-revoked = Se revocó el token.
token-revoked-on = revocado el { $date }
token-live = en uso
profile-title = Su perfil
profile-lang = Idioma de sus páginas
profile-lang-browser = El de mi navegador
profile-save = Guardar
profile-saved = Su perfil se ha guardado.
password-title = Cambiar la contraseña
password-current = Contraseña actual
password-new = Nueva contraseña
password-again = Repita la nueva contraseña
password-hint = Al menos { $count } caracteres.
password-change = Cambiar la contraseña
password-too-short = La nueva contraseña es demasiado corta.
password-mismatch = Las dos nuevas contraseñas no coinciden.
password-wrong = La contraseña actual es incorrecta.
users-title = Usuarios
user-add = Añadir un usuario
user-added = Se añadió el usuario.
user-exists = Ya existe un usuario con este correo electrónico.
user-disable = Desactivar
user-enable = Activar
user-disabled = Se desactivó el usuario y se cerraron todas sus sesiones.
user-enabled = Se activó el usuario.
user-not-self = No puede desactivar su propia cuenta.
user-state-active = Activo
user-state-disabled = Desactivado
error-unauthorized = Inicie sesión para hacer esto.
error-forbidden = Su función no lo permite.
error-csrf = El formulario ha caducado. Recargue la página y envíelo de nuevo.
error-conflict = Esto entra en conflicto con lo ya registrado.
error-too_many_proposals = Han llegado muchas correcciones desde aquí en la última hora. Vuelva a intentarlo más tarde.
error-fetch_failed = No se pudo obtener el texto en esa dirección.
error-method_not_allowed = Esta acción no es posible en esta dirección.
error-malformed_json = El contenido enviado no es JSON válido.
error-referenced = Otras fichas todavía remiten a esta: elimine primero esos vínculos.

## Registro de auditoría
audit-title = Registro de auditoría
audit-lead = Cada cambio, con quién lo hizo, cuándo y qué cambió. Nada en él puede modificarse.
audit-subject = Objeto
audit-any = Cualquiera
audit-record = Ficha
audit-actor = Autor
audit-action = Acción
audit-changes = Cambios
audit-fields = { $count ->
    [one] 1 campo
   *[other] { $count } campos
}
audit-older = Entradas anteriores
action-create = Creación
action-update = Modificación
action-delete = Eliminación
action-attach = Texto adjuntado
action-detach = Texto retirado
action-assess = Evaluación
action-review = Hallazgo revisado
action-disable = Desactivación
action-enable = Activación
action-revoke = Revocación
kind-users = Usuarios
kind-tokens = Tokens de API

## Revisión de contribuciones
review-title = Contribuciones por revisar
review-lead = Las prácticas enviadas por los colaboradores esperan aquí. Tome una en revisión, publíquela o rechácela indicando el motivo; el colaborador ve cada decisión con su comentario.
review-comment = Comentario (obligatorio para rechazar)
review-start = Tomar en revisión
review-publish = Publicar
review-reject = Rechazar
review-done = Se registró la decisión.
review-needs-comment = Indique por qué se rechaza la práctica.
review-not-applicable = Esta decisión no se aplica a la práctica en su estado actual.
review-empty = No hay nada pendiente de revisión.
publication-draft = Borrador
publication-submitted = Enviada
publication-in_review = En revisión
publication-published = Publicada
publication-rejected = Rechazada

## Correcciones
correction-title = Proponer una corrección
correction-lead = ¿Hay un error o falta algo? Indique lo que debería decir y dónde comprobarlo; un editor lo examinará. No necesita una cuenta.
correction-field = Qué es erróneo (por ejemplo: fecha de firma, partes)
correction-proposal = Lo que debería decir
correction-source = Fuente (un enlace donde comprobarlo)
correction-contact = Su nombre o correo electrónico, si desea una respuesta
correction-send = Enviar la corrección
correction-thanks = Gracias. La corrección se envió a los editores.
corrections-title = Correcciones propuestas
corrections-lead = Correcciones propuestas por los lectores, de la más antigua a la más reciente. Modifique la ficha si la fuente lo confirma y acéptela; o rechácela indicando el motivo.
corrections-empty = No hay correcciones pendientes.
correction-note = Nota (opcional)
correction-accept = Aceptar
correction-decline = Rechazar
correction-decided = Se registró la decisión.

contributions-title = Sus contribuciones
contribute-title = Proponer una práctica
contribute-edit-title = Revisar su práctica
contribute-lead = Describa una política, un programa, una ley o una herramienta que aplique el Pacto Mundial. Guárdela como borrador para terminarla más tarde, o envíela: los revisores la comprueban antes de publicarla, y puede revisarla mientras no la hayan tomado.
contribute-countries-hint = Mantenga Ctrl (o ⌘) para elegir varios.
contribute-entities = Organizaciones que la aplican
contribute-one-per-line = Una por línea.
contribute-start = Fecha de inicio
contribute-link = Página web de la práctica
contribute-source = Fuente (dirección)
contribute-source-title = Fuente (título)
contribute-submit = Enviar a revisión
contribute-save-draft = Guardar como borrador
contribute-withdraw = Retirar esta práctica
contribute-edit = Revisar
contribute-saved = Su práctica se ha guardado.
contribute-withdrawn = Su práctica se ha retirado.
contribute-link-lead = Proponer una práctica
draft-attach = Adjuntar a un acuerdo (opcional)
draft-attach-hint = El identificador o slug del acuerdo: el archivo se guarda entonces con él y se evalúa en su página, en lugar de solo aquí.
agreement-attach-file = Adjuntar un texto de este acuerdo
agreement-attach = Adjuntar y evaluar
agreement-attach-hint = PDF, DOCX, HTML o texto sin formato, o una página escaneada (PNG, JPEG, TIFF), hasta 50 MB. Los documentos escaneados se leen por OCR, lo que puede tardar unos minutos.
agreement-document-source = Obtenido el { $date } de
document-ocr = Leído por OCR (reconocimiento de caracteres) en un documento escaneado: { $pages ->
    [one] una página
   *[other] { $pages } páginas
}, confianza media { $confidence } %.
document-ocr-doubtful = Conviene cotejar con el documento escaneado la(s) página(s) { $pages }: se leyeron con menos certeza.
text-ocr = Este texto se leyó por OCR (reconocimiento de caracteres) en un documento escaneado ({ $pages ->
    [one] una página
   *[other] { $pages } páginas
}, confianza media { $confidence } %). Algunas palabras pueden diferir del original.
assessment-ocr = El texto evaluado se leyó por OCR en un documento escaneado (confianza media { $confidence } %): las constataciones automáticas se basan en caracteres reconocidos y deben cotejarse con el documento.
agreement-attach-url = O obtenerlo de su dirección oficial
agreement-attach-url-hint = La dirección permanente del texto (boletín oficial, sitio de un ministerio): un PDF, DOCX, página HTML o texto. Solo se siguen direcciones públicas; la dirección se guarda como fuente.
agreement-attach-fetch = Obtener y evaluar
fetch-bad-address = No es una dirección http o https utilizable (sin nombre de usuario ni contraseña).
fetch-not-public = Esta dirección lleva a una red privada o a la propia máquina: solo se obtienen direcciones públicas.
fetch-unresolved = Este nombre de sitio no existe o no responde.
fetch-redirects = La dirección remite a otras direcciones más de cinco veces.
fetch-too-large = El archivo de esta dirección supera los 50 MB.
fetch-too-slow = El sitio tardó más de 30 segundos en responder.
fetch-status = El sitio no entregó el texto (la página no existe o fue denegada).
fetch-unsupported = Esta dirección no lleva a un PDF, un DOCX, una página HTML o un texto.
fetch-network = La conexión con el sitio falló.
user-edit = Cambiar el rol o la organización
user-updated = El usuario se ha modificado; se aplica desde su próxima solicitud.
user-not-self-role = No puede cambiar su propio rol: pídaselo a otro administrador.
invalid-required = este campo es obligatorio
invalid-too_long = { $length } caracteres; como máximo { $max }
invalid-country = «{ $value }» no es un código de país (ISO 3166-1, p. ej. MA)
invalid-objective = { $value } no es un objetivo del Pacto Mundial (1 a 23)
invalid-empty = no puede estar vacío
invalid-url = «{ $value }» no es una dirección web que empiece por http:// o https://
invalid-before = { $date } es anterior a { $other } ({ $other_date })
invalid-twice = «{ $value }» figura dos veces
user-operator-note = Tiene el token de API de la configuración (o creado en el primer arranque); no puede iniciar sesión. Desactivarlo detiene ese token.
invalid-email = «{ $value }» no es una dirección de correo electrónico
draft-samples = Probar un proyecto de ejemplo:
draft-samples-note = Cuatro proyectos redactados para Passerelle entre dos Estados ficticios, cada uno con buenas disposiciones, lagunas y cláusulas que perjudican a los trabajadores.
draft-compare = Comparar este ejemplo con acuerdos del registro
draft-compare-own = Comparar su proyecto con acuerdos del registro
compare-sample = o un proyecto de ejemplo
compare-sample-none = (ninguno)
compare-own-draft = Comparar su propio proyecto
compare-own-draft-note = Pegue o cargue un proyecto e indique los acuerdos que desea poner al lado. El proyecto se evalúa solo para esta página y no se guarda.
compare-your-draft = Su proyecto
compare-draft-unsaved = proyecto, no guardado
countries-all = Todos los países
countries-champions = Países campeones del Pacto Mundial ({ $count })
champions-note = Países que se ofrecieron a la Red de las Naciones Unidas sobre la Migración para dar ejemplo en la aplicación del Pacto Mundial. El año es el de su adhesión cuando una fuente lo indica; si no, el de la primera fuente que los menciona.
champions-initiative = La iniciativa de países campeones
champions-all = Todos los países campeones
col-champion = Campeón del Pacto desde
country-champion-since = País campeón del Pacto Mundial desde { $year }
country-champion-named = Mencionado como país campeón del Pacto Mundial en { $year }
practice-ongoing = en curso
practice-results = Resultados
practice-lessons = Lecciones aprendidas
event-people = Ponentes y organizadores
event-press = Contactos de prensa
sdgs-title = La Agenda 2030 para el Desarrollo Sostenible
sdgs-lead = El Pacto Mundial se apoya en la Agenda 2030. Primero figuran sus metas sobre migración y trabajo decente y después cada Objetivo de Desarrollo Sostenible con lo que este espacio vincula a él.
sdgs-targets = Metas sobre migración y trabajo
sdgs-target = Meta { $target }
sdgs-goal = Objetivo { $number }
sdgs-goals = Los 17 objetivos
sdgs-note = Las fichas se vinculan a objetivos, no a metas: el enlace de una meta lleva a lo vinculado con su objetivo.
sdgs-link = La Agenda 2030: Objetivos de Desarrollo Sostenible y metas sobre migración
sdg-target-10-7 = Una migración y una movilidad ordenadas, seguras, regulares y responsables, con políticas migratorias planificadas y bien gestionadas.
sdg-target-8-8 = Derechos laborales y condiciones de trabajo seguras para todas las personas trabajadoras, incluidas las migrantes, en particular las mujeres migrantes y quienes tienen empleos precarios.
sdg-target-8-7 = El fin del trabajo forzoso, la esclavitud moderna, la trata de personas y el trabajo infantil.
sdg-target-10-c = Costos de las remesas por debajo del 3 %, sin ningún corredor por encima del 5 %.
page-who-we-are-title = Quiénes somos
page-who-we-are-body = Este hub es un espacio común para quienes trabajan en acuerdos de migración laboral en el marco del Pacto Mundial para una Migración Segura, Ordenada y Regular (PMM). Está pensado para negociadores y funcionarios de los gobiernos, equipos de la OIM y la OIT, sindicatos, organizaciones de empleadores e investigadores que necesitan saber qué acuerdos existen entre países, qué contienen y cómo funcionan en la práctica. El hub surgió del GCM Talk sobre acuerdos bilaterales de migración laboral y asociaciones para la movilidad de competencias que Marruecos acogió en Rabat en julio de 2023, y sus primeros contenidos recogen lo que allí se compartió. Está abierto a contribuciones de todas las regiones. Cada contenido se publica con sus fuentes para que cualquiera pueda comprobarlo.
page-our-work-title = Nuestro trabajo
page-our-work-body = El hub reúne cuatro tipos de información. Primero, un registro de acuerdos de migración laboral – acuerdos bilaterales, memorandos de entendimiento, protocolos de aplicación y asociaciones para la movilidad de competencias –, cada uno vinculado a su texto o a las fuentes que lo describen. Segundo, una evaluación de los acuerdos a la luz de la Guía sobre acuerdos bilaterales de migración laboral publicada en 2022 por la Red de las Naciones Unidas sobre la Migración, que muestra qué elementos están presentes, faltan o son poco claros. Tercero, prácticas que muestran cómo se aplican los acuerdos, con resultados y lecciones cuando están documentados. Cuarto, eventos como los GCM Talks y los exámenes regionales, junto con los compromisos asumidos en ellos, a los que se da seguimiento a lo largo del tiempo. Cada ficha cita de dónde procede su información.
page-take-action-title = Participe
page-take-action-body = Puede ayudar a que el hub siga siendo exacto y útil. Para compartir una práctica, describa qué se hizo, quién participó, el periodo, los resultados y las lecciones aprendidas, e indique al menos una fuente pública; el equipo editorial la revisa antes de publicarla. Para proponer una corrección, indique la página y el elemento afectados, explique qué es incorrecto y aporte una fuente para la información correcta. Para informar del avance de un compromiso, parta del compromiso en cuestión, describa lo que se ha hecho desde entonces, con fechas y una fuente, e indique si está cumplido, en curso o detenido. Son bienvenidas las contribuciones de gobiernos, organizaciones internacionales, organizaciones de trabajadores y de empleadores, sociedad civil e investigadores.
page-take-action-links = Por dónde empezar
page-contribute = Compartir una práctica
page-correct = Proponer una corrección (el enlace está al pie de cada ficha)
page-commitments = Seguir los compromisos
unit-persons = personas
unit-contracts = contratos
unit-permits = permisos
unit-usd = dólares estadounidenses
unit-cad = dólares canadienses
filters-jump = Filtros ↓
agreement-read-text = Leer el texto, artículo por artículo
text-title = Texto — { $title }
text-heading = El texto, artículo por artículo
text-plain = Texto sin formato
text-legend-found = Palabras en las que se basa una constatación
text-legend-against = Palabras que van en contra de la Orientación
text-not-assessed = Este texto aún no se ha evaluado: se muestra sin constataciones.
text-contents = Índice
text-works-against = Va en contra
text-none = Aún no se ha adjuntado ni leído ningún texto de este acuerdo.
text-back = Volver al acuerdo
# Names of the languages texts are written in (ISO 639-1 codes).
language-name-ar = árabe
language-name-de = alemán
language-name-en = inglés
language-name-es = español
language-name-fr = francés
language-name-it = italiano
language-name-nl = neerlandés
language-name-pt = portugués
language-name-ru = ruso
language-name-zh = chino
language-name-tl = tagalo
language-name-ne = nepalí
catalog-title = Passerelle: datos abiertos sobre acuerdos de migración laboral, prácticas y compromisos
list-comma = {", "}
size-kb = { $size } KB
cite = Citar
