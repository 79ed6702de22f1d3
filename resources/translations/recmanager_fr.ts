<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="35"/>
        <source>claim</source>
        <translation>revendication</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="36"/>
        <source>reassign</source>
        <translation>réattribution</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="37"/>
        <source>delete</source>
        <translation>suppression</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="38"/>
        <source>quarantine</source>
        <translation>quarantaine</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="39"/>
        <source>restore</source>
        <translation>restauration</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="40"/>
        <source>deposit</source>
        <translation>dépôt</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="41"/>
        <source>package</source>
        <translation>empaquetage</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="42"/>
        <source>recorder created</source>
        <translation>enregistreur créé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="43"/>
        <source>recorder edited</source>
        <translation>enregistreur modifié</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="44"/>
        <source>recorder notified</source>
        <translation>enregistreur notifié</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="47"/>
        <source>ok</source>
        <translation>réussi</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="48"/>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="49"/>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="62"/>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="66"/>
        <source>Filter: file, person, error…</source>
        <translation>Filtrer : fichier, personne, erreur…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="67"/>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="71"/>
        <location filename="../../recmanager/ui/audit_view.py" line="82"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="72"/>
        <source>All actions</source>
        <translation>Toutes les actions</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="76"/>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="82"/>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="82"/>
        <source>Who</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="82"/>
        <source>File or video</source>
        <translation>Fichier ou vidéo</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="83"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="83"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="83"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="85"/>
        <source>Audit entries</source>
        <translation>Entrées d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="164"/>
        <source>Export the audit log</source>
        <translation>Exporter le journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="165"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="172"/>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/audit_view.py" line="173"/>
        <source>{path} cannot be written: {error}</source>
        <translation>Impossible d&apos;écrire {path} : {error}</translation>
    </message>
</context>
<context>
    <name>BulkProblem</name>
    <message>
        <location filename="../../recmanager/bulk/plan.py" line="41"/>
        <source>invalid rule</source>
        <translation>règle non valide</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/plan.py" line="42"/>
        <source>matched by two rules</source>
        <translation>correspond à deux règles</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/plan.py" line="43"/>
        <source>matched by no rule</source>
        <translation>ne correspond à aucune règle</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/plan.py" line="44"/>
        <source>unknown owner</source>
        <translation>propriétaire inconnu</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/plan.py" line="45"/>
        <source>owner is not staff</source>
        <translation>propriétaire non « staff »</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/plan.py" line="46"/>
        <source>still uploading</source>
        <translation>dépôt en cours</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/plan.py" line="47"/>
        <source>not claimable</source>
        <translation>non revendicable</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/plan.py" line="48"/>
        <source>title too long</source>
        <translation>titre trop long</translation>
    </message>
</context>
<context>
    <name>BulkStatus</name>
    <message>
        <location filename="../../recmanager/bulk/plan.py" line="78"/>
        <source>to do</source>
        <translation>à faire</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/plan.py" line="79"/>
        <source>interrupted</source>
        <translation>interrompu</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/plan.py" line="80"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/plan.py" line="81"/>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
</context>
<context>
    <name>BulkWindow</name>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="86"/>
        <source>Bulk assignment — {profile}</source>
        <translation>Attribution en masse — {profile}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="109"/>
        <location filename="../../recmanager/ui/bulk_window.py" line="272"/>
        <location filename="../../recmanager/ui/bulk_window.py" line="384"/>
        <source>Bulk assignment</source>
        <translation>Attribution en masse</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="114"/>
        <source>Load rules…</source>
        <translation>Charger des règles…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="116"/>
        <source>Check again</source>
        <translation>Revérifier</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="118"/>
        <source>Exclude selected</source>
        <translation>Exclure la sélection</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="120"/>
        <source>Include selected</source>
        <translation>Inclure la sélection</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="122"/>
        <source>Exclude rows with errors</source>
        <translation>Exclure les erreurs</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="126"/>
        <source>Export plan…</source>
        <translation>Exporter le plan…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="127"/>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="128"/>
        <source>Retry failed</source>
        <translation>Relancer les échecs</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="129"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="130"/>
        <source>Save report…</source>
        <translation>Enregistrer le rapport…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="150"/>
        <source>Rows with errors</source>
        <translation>Lignes en erreur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="152"/>
        <source>Recordings with a quality problem</source>
        <translation>Enregistrements avec un problème de qualité</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="155"/>
        <source>Recordings flagged “{flag}”</source>
        <translation>Enregistrements signalés « {flag} »</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="167"/>
        <source>Load a rules file (CSV) to see the plan.</source>
        <translation>Chargez un fichier de règles (CSV) pour afficher le plan.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="189"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="209"/>
        <source>recorder;file;from;to;slot;owner;title
# One rule per line under the column names; lines starting with # are comments.
Amphi A;;2026-09-01;2026-12-20;Monday 08:00-10:00;jdupont;L1 Law {date:%d/%m/%Y}
Amphi B;seminar-*;;;;marie.martin@example.org;{recorder} {stem}
</source>
        <translation>enregistreur;fichier;du;au;créneau;propriétaire;titre
# Une règle par ligne sous les noms de colonnes ; les lignes qui commencent par # sont des commentaires.
Amphi A;;2026-09-01;2026-12-20;lundi 8h-10h;jdupont;L1 Droit {date:%d/%m/%Y}
Amphi B;seminaire-*;;;;marie.martin@example.org;{recorder} {stem}
</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="222"/>
        <source>&lt;p&gt;A &lt;b&gt;rules file&lt;/b&gt; says who owns which recordings: a CSV file (semicolons or commas, UTF-8) with one rule per line under a first line of column names. recmanager first shows the plan — every waiting recording with its owner and the problems found — and changes nothing on Pod before you apply it.&lt;/p&gt;&lt;p&gt;Columns (English or French names):&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;owner&lt;/b&gt; (required): the Pod login or e-mail of a staff member;&lt;/li&gt;&lt;li&gt;&lt;b&gt;recorder&lt;/b&gt;: the recorder&apos;s name;&lt;/li&gt;&lt;li&gt;&lt;b&gt;file&lt;/b&gt;: a file name pattern, such as &lt;code&gt;lecture-*&lt;/code&gt;;&lt;/li&gt;&lt;li&gt;&lt;b&gt;from&lt;/b&gt;, &lt;b&gt;to&lt;/b&gt;: dates (2026-09-01 or 01/09/2026);&lt;/li&gt;&lt;li&gt;&lt;b&gt;slot&lt;/b&gt;: a timetable slot, such as &lt;code&gt;Monday 08:00-10:00&lt;/code&gt;;&lt;/li&gt;&lt;li&gt;&lt;b&gt;title&lt;/b&gt;: the title, with {recorder}, {date:%d/%m/%Y}, {start}, {filename} or {stem} replaced.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;A rule needs the owner and at least one of recorder, file, dates or slot.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Un &lt;b&gt;fichier de règles&lt;/b&gt; dit à qui appartiennent les enregistrements : un fichier CSV (points-virgules ou virgules, UTF-8) avec une règle par ligne sous une première ligne de noms de colonnes. recmanager montre d&apos;abord le plan — chaque enregistrement en attente avec son propriétaire et les problèmes trouvés — et ne change rien dans Pod avant que vous l&apos;appliquiez.&lt;/p&gt;&lt;p&gt;Colonnes (noms français ou anglais) :&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;propriétaire&lt;/b&gt; (obligatoire) : l&apos;identifiant Pod ou l&apos;adresse e-mail d&apos;un membre du personnel ;&lt;/li&gt;&lt;li&gt;&lt;b&gt;enregistreur&lt;/b&gt; : le nom de l&apos;enregistreur ;&lt;/li&gt;&lt;li&gt;&lt;b&gt;fichier&lt;/b&gt; : un motif de nom de fichier, comme &lt;code&gt;cours-*&lt;/code&gt; ;&lt;/li&gt;&lt;li&gt;&lt;b&gt;du&lt;/b&gt;, &lt;b&gt;au&lt;/b&gt; : des dates (2026-09-01 ou 01/09/2026) ;&lt;/li&gt;&lt;li&gt;&lt;b&gt;créneau&lt;/b&gt; : un créneau d&apos;emploi du temps, comme &lt;code&gt;lundi 8h-10h&lt;/code&gt; ;&lt;/li&gt;&lt;li&gt;&lt;b&gt;titre&lt;/b&gt; : le titre, où {recorder}, {date:%d/%m/%Y}, {start}, {filename} ou {stem} sont remplacés.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Une règle a besoin du propriétaire et d&apos;au moins un critère parmi enregistreur, fichier, dates ou créneau.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="240"/>
        <source>Example:</source>
        <translation>Exemple :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="243"/>
        <source>Example rules file</source>
        <translation>Exemple de fichier de règles</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="250"/>
        <source>&amp;Save this example…</source>
        <translation>&amp;Enregistrer cet exemple…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="253"/>
        <source>&amp;Choose a rules file…</source>
        <translation>&amp;Choisir un fichier de règles…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="262"/>
        <source>Save the example</source>
        <translation>Enregistrer l&apos;exemple</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="263"/>
        <source>rules-example.csv</source>
        <translation>exemple-regles.csv</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="273"/>
        <source>The example could not be saved in {path}: {error}</source>
        <translation>L&apos;exemple n&apos;a pas pu être enregistré dans {path} : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="276"/>
        <source>Example saved in {path}: edit it, then choose it.</source>
        <translation>Exemple enregistré dans {path} : modifiez-le, puis choisissez-le.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="281"/>
        <source>{count} recordings selected. Owner:</source>
        <translation>{count} enregistrements sélectionnés. Propriétaire :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="284"/>
        <source>login or e-mail (staff)</source>
        <translation>identifiant ou e-mail (staff)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="286"/>
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="290"/>
        <source>Make the plan</source>
        <translation>Établir le plan</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="321"/>
        <source>Load rules first.</source>
        <translation>Chargez d&apos;abord des règles.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="323"/>
        <source>The plan has errors: fix the rules or exclude those rows.</source>
        <translation>Le plan contient des erreurs : corrigez les règles ou excluez ces lignes.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="325"/>
        <source>Nothing left to apply.</source>
        <translation>Plus rien à appliquer.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="326"/>
        <source>Claim {count} recordings for their owners.</source>
        <translation>Revendiquer {count} enregistrements pour leurs propriétaires.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="335"/>
        <source>&lt;b&gt;Errors to fix or exclude before applying.&lt;/b&gt; </source>
        <translation>&lt;b&gt;Erreurs à corriger ou à exclure avant d&apos;appliquer.&lt;/b&gt; </translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="337"/>
        <source>columns ignored: {names}</source>
        <translation>colonnes ignorées : {names}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="404"/>
        <source>Rules file</source>
        <translation>Fichier de règles</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="405"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="416"/>
        <source>Rules: {path} ({count} rules)</source>
        <translation>Règles : {path} ({count} règles)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="428"/>
        <location filename="../../recmanager/ui/bulk_window.py" line="439"/>
        <source>Checking the plan</source>
        <translation>Vérification du plan</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="438"/>
        <source>Inbox selection → {owner}</source>
        <translation>Sélection de la boîte de réception → {owner}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="488"/>
        <source>Export the plan</source>
        <translation>Exporter le plan</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="263"/>
        <location filename="../../recmanager/ui/bulk_window.py" line="489"/>
        <location filename="../../recmanager/ui/bulk_window.py" line="495"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="494"/>
        <source>Save the report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="506"/>
        <source>{count} rows written to {path}.</source>
        <translation>{count} lignes écrites dans {path}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="522"/>
        <source>Assigning</source>
        <translation>Attribution</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="533"/>
        <source>Claim one recording on {pod}?</source>
        <translation>Revendiquer un enregistrement sur {pod} ?</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="534"/>
        <source>Claim {count} recordings on {pod}?</source>
        <translation>Revendiquer {count} enregistrements sur {pod} ?</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="535"/>
        <source>Apply the plan</source>
        <translation>Appliquer le plan</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="538"/>
        <source>They go to one owner.</source>
        <translation>Ils vont à un seul propriétaire.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="539"/>
        <source>They go to {count} owners.</source>
        <translation>Ils vont à {count} propriétaires.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="541"/>
        <source>Pod changes at once: each recording becomes a video of its owner. Rows already done are not touched; Cancel stops the run between claims.</source>
        <translation>Pod change aussitôt : chaque enregistrement devient une vidéo de son propriétaire. Les lignes déjà faites ne sont pas touchées ; Annuler arrête l&apos;exécution entre deux revendications.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="544"/>
        <source>&amp;Apply {count} claims</source>
        <translation>&amp;Appliquer {count} revendications</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="561"/>
        <source>Cancelling: the claims under way finish…</source>
        <translation>Annulation : fin des revendications en cours…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="570"/>
        <source>about {minutes}:{seconds:02d} left</source>
        <translation>encore environ {minutes}:{seconds:02d}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="579"/>
        <source>{done} assigned, {failed} failed, {not_run} not run.</source>
        <translation>{done} attribués, {failed} en échec, {not_run} non exécutés.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="584"/>
        <source>Cancelled: apply again to go on.</source>
        <translation>Annulé : appliquez de nouveau pour continuer.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_window.py" line="590"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
</context>
<context>
    <name>ChannelIndicator</name>
    <message>
        <location filename="../../recmanager/ui/status.py" line="69"/>
        <source>{channel}: {state}</source>
        <translation>{channel} : {state}</translation>
    </message>
</context>
<context>
    <name>ChannelState</name>
    <message>
        <location filename="../../recmanager/ui/status.py" line="15"/>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/status.py" line="16"/>
        <source>connecting…</source>
        <translation>connexion…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/status.py" line="17"/>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/status.py" line="18"/>
        <source>reconnecting…</source>
        <translation>reconnexion…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/status.py" line="19"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/status.py" line="20"/>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
</context>
<context>
    <name>ClaimDialog</name>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="43"/>
        <source>login, e-mail or name</source>
        <translation>identifiant, e-mail ou nom</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="78"/>
        <source>Claim a recording</source>
        <translation>Revendiquer un enregistrement</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="79"/>
        <source>Claim {count} recordings</source>
        <translation>Revendiquer {count} enregistrements</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="83"/>
        <source> and {count} more</source>
        <translation> et {count} autres</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="92"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="93"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="95"/>
        <source>Each recording gets this title followed by its number in the selection.</source>
        <translation>Chaque enregistrement reçoit ce titre suivi de son numéro dans la sélection.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="97"/>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="100"/>
        <source>&amp;Owner:</source>
        <translation>&amp;Propriétaire :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="102"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="106"/>
        <source>T&amp;ype:</source>
        <translation>T&amp;ype :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="115"/>
        <source>Claim</source>
        <translation>Revendiquer</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="132"/>
        <source>Pictures spread over the recording</source>
        <translation>Images prises tout au long de l’enregistrement</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="137"/>
        <source>Check before claiming: {flags}</source>
        <translation>À vérifier avant de le revendiquer : {flags}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="186"/>
        <source>{count} Pod users match “{text}”: pick one in the list, or the server will be asked for “{text}” as it is.</source>
        <translation>{count} utilisateurs Pod correspondent à « {text} » : choisissez-en un dans la liste, sinon le serveur sera interrogé sur « {text} » tel quel.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="189"/>
        <source>No Pod user matches; the server will be asked.</source>
        <translation>Aucun utilisateur Pod ne correspond ; le serveur sera interrogé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/claim.py" line="192"/>
        <source>{user} is not staff: Pod gives claimed recordings to staff only. The recording will be claimed for you, then the video will be reassigned to {user}.</source>
        <translation>{user} n&apos;est pas « staff » : Pod n&apos;attribue les enregistrements revendiqués qu&apos;aux comptes « staff ». L&apos;enregistrement sera revendiqué pour vous, puis la vidéo sera réattribuée à {user}.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../recmanager/ui/dialogs/crash.py" line="42"/>
        <source>recmanager: unexpected error</source>
        <translation>recmanager : erreur inattendue</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/crash.py" line="43"/>
        <source>Unexpected error report</source>
        <translation>Rapport d&apos;erreur inattendue</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/crash.py" line="47"/>
        <source>Something went wrong that recmanager did not expect. Your data is safe. Please send this report to your support team; it is also in the log folder {folder}.</source>
        <translation>Un problème que recmanager n&apos;attendait pas est survenu. Vos données sont intactes. Merci d&apos;envoyer ce rapport à votre équipe d&apos;assistance ; il se trouve aussi dans le dossier des journaux {folder}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/crash.py" line="56"/>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/crash.py" line="59"/>
        <source>Copy report</source>
        <translation>Copier le rapport</translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message>
        <location filename="../../recmanager/ui/dialogs/delete.py" line="39"/>
        <source>Delete recordings</source>
        <translation>Supprimer des enregistrements</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/delete.py" line="40"/>
        <source>Delete a recording</source>
        <translation>Supprimer un enregistrement</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/delete.py" line="52"/>
        <source>no recorder ({folder})</source>
        <translation>aucun enregistreur ({folder})</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/delete.py" line="58"/>
        <source>&lt;p&gt;…and {count} more.&lt;/p&gt;</source>
        <translation>&lt;p&gt;…et {count} autres.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/delete.py" line="59"/>
        <source>&lt;p&gt;Delete these files from the deposit folder, then from Pod&apos;s list?&lt;/p&gt;&lt;ul&gt;{lines}&lt;/ul&gt;{more}</source>
        <translation>&lt;p&gt;Supprimer ces fichiers du dossier de dépôt, puis de la liste de Pod ?&lt;/p&gt;&lt;ul&gt;{lines}&lt;/ul&gt;{more}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/delete.py" line="62"/>
        <source>&lt;p&gt;Delete this file from the deposit folder, then from Pod&apos;s list?&lt;/p&gt;&lt;ul&gt;{lines}&lt;/ul&gt;{more}</source>
        <translation>&lt;p&gt;Supprimer ce fichier du dossier de dépôt, puis de la liste de Pod ?&lt;/p&gt;&lt;ul&gt;{lines}&lt;/ul&gt;{more}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/delete.py" line="78"/>
        <source>Move to the quarantine instead (Undo possible for {days} days)</source>
        <translation>Placer plutôt en quarantaine (annulation possible pendant {days} jours)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/delete.py" line="83"/>
        <source>Undo needs a quarantine folder, and this profile has none: without one the files are deleted for good.</source>
        <translation>L&apos;annulation demande un dossier de quarantaine, et ce profil n&apos;en a pas : sans lui, les fichiers sont supprimés définitivement.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/delete.py" line="88"/>
        <source>&amp;Set a quarantine folder…</source>
        <translation>&amp;Définir un dossier de quarantaine…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/delete.py" line="118"/>
        <source>Move to quarantine</source>
        <translation>Mettre en quarantaine</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/delete.py" line="119"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="55"/>
        <location filename="../../recmanager/ui/inbox/detail.py" line="100"/>
        <source>Select a recording to see its details.</source>
        <translation>Sélectionnez un enregistrement pour afficher ses détails.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="67"/>
        <source>Server path</source>
        <translation>Chemin sur le serveur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="68"/>
        <source>Recorder</source>
        <translation>Enregistreur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="69"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="70"/>
        <source>Notify status</source>
        <translation>État de notification</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="71"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="72"/>
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="73"/>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="74"/>
        <source>In Pod</source>
        <translation>Dans Pod</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="82"/>
        <source>{label}:</source>
        <translation>{label} :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="86"/>
        <source>Pictures spread over the recording</source>
        <translation>Images prises tout au long de l’enregistrement</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="106"/>
        <source>{name} — {count} slides</source>
        <translation>{name} — {count} diapositives</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="109"/>
        <source>none — the folder {folder} belongs to no recorder</source>
        <translation>aucun — le dossier {folder} n&apos;appartient à aucun enregistreur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="116"/>
        <source>(Pod last saw {size})</source>
        <translation>(taille vue par Pod en dernier : {size})</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="126"/>
        <source>not inspected yet</source>
        <translation>pas encore examiné</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="132"/>
        <source>no sound track</source>
        <translation>pas de piste son</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="145"/>
        <source>no problem found</source>
        <translation>aucun problème trouvé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="155"/>
        <source>Pod e-mails its administrators at every scan: no recorder uses this folder.</source>
        <translation>Pod envoie un e-mail à ses administrateurs à chaque analyse : aucun enregistreur n&apos;utilise ce dossier.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="158"/>
        <source>Unknown: reading it needs a superuser web login in the profile.</source>
        <translation>Inconnu : sa lecture nécessite la connexion web d&apos;un superutilisateur dans le profil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="160"/>
        <source>Pod e-mails the manager ({manager}) once the file is complete.</source>
        <translation>Pod envoie un e-mail au gestionnaire ({manager}) une fois le fichier complet.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="163"/>
        <source>Pod publishes it for {manager} by itself once complete.</source>
        <translation>Pod le publie automatiquement pour {manager} une fois complet.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="165"/>
        <source>No manager: waits for someone to claim it.</source>
        <translation>Aucun gestionnaire : en attente d&apos;une revendication.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="171"/>
        <source>claim page</source>
        <translation>page de revendication</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="171"/>
        <source>claim form</source>
        <translation>formulaire de revendication</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="172"/>
        <source>recorder</source>
        <translation>enregistreur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="172"/>
        <source>treatment row</source>
        <translation>ligne de traitement</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/detail.py" line="183"/>
        <source>(offline)</source>
        <translation>(hors ligne)</translation>
    </message>
</context>
<context>
    <name>FirstRunGuide</name>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="71"/>
        <source>Welcome to recmanager</source>
        <translation>Bienvenue dans recmanager</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="74"/>
        <source>Save the profile</source>
        <translation>Enregistrer le profil</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="86"/>
        <source>Connect recmanager to your Pod</source>
        <translation>Connecter recmanager à votre Pod</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="89"/>
        <source>&lt;p&gt;recmanager works with an Esup-Pod server and with the deposit folder where your recorders drop their files. This guide asks for:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;the address of your Pod and a REST token,&lt;/li&gt;&lt;li&gt;how to reach the deposit folder (SFTP, or a folder mounted on this computer) and where it is on the server,&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;then tests each part before saving. Ask your Pod administrator for the values you do not have; each page says where they are on the server.&lt;/p&gt;&lt;p&gt;Secrets (token, passwords) are kept in the system keyring, never in a file.&lt;/p&gt;</source>
        <translation>&lt;p&gt;recmanager fonctionne avec un serveur Esup-Pod et avec le dossier de dépôt où vos enregistreurs déposent leurs fichiers. Cet assistant vous demande :&lt;/p&gt;&lt;ul&gt;&lt;li&gt;l&apos;adresse de votre Pod et un jeton REST,&lt;/li&gt;&lt;li&gt;comment accéder au dossier de dépôt (SFTP, ou dossier monté sur cet ordinateur) et où il se trouve sur le serveur,&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;puis teste chaque élément avant d&apos;enregistrer. Demandez à votre administrateur Pod les valeurs qui vous manquent ; chaque page indique où les trouver sur le serveur.&lt;/p&gt;&lt;p&gt;Les secrets (jeton, mots de passe) sont conservés dans le trousseau système, jamais dans un fichier.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="103"/>
        <source>Your Pod server</source>
        <translation>Votre serveur Pod</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="111"/>
        <source>Verify the server&apos;s TLS certificate</source>
        <translation>Vérifier le certificat TLS du serveur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="114"/>
        <source>Allow plain HTTP (the token and passwords travel in clear)</source>
        <translation>Autoriser le HTTP non chiffré (le jeton et les mots de passe circulent en clair)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="117"/>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="120"/>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="122"/>
        <source>Pod address</source>
        <translation>Adresse de Pod</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="123"/>
        <source>The address you open Pod with in a browser, e.g. https://pod.univ.fr/.</source>
        <translation>L&apos;adresse avec laquelle vous ouvrez Pod dans un navigateur, p. ex. https://pod.univ.fr/.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="124"/>
        <source>REST token</source>
        <translation>Jeton REST</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="125"/>
        <source>A token of a &lt;b&gt;staff&lt;/b&gt; account. On the Pod server: &lt;i&gt;Administration → Auth Token → Tokens&lt;/i&gt; (&lt;tt&gt;/admin/authtoken/tokenproxy/&lt;/tt&gt;), “Add token” for your user, then copy its key.</source>
        <translation>Le jeton d&apos;un compte &lt;b&gt;staff&lt;/b&gt;. Sur le serveur Pod : &lt;i&gt;Administration → Jeton d&apos;authentification → Jetons&lt;/i&gt; (&lt;tt&gt;/admin/authtoken/tokenproxy/&lt;/tt&gt;), « Ajouter jeton » pour votre utilisateur, puis copiez sa clé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="129"/>
        <source>Leave this on. Turn it off only for a test server with a self-signed certificate: the token would then travel unprotected.</source>
        <translation>Laissez cette option activée. Ne la désactivez que pour un serveur de test doté d&apos;un certificat auto-signé : le jeton circulerait alors sans protection.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="132"/>
        <source>Only for a test server reachable over http:// alone.</source>
        <translation>Uniquement pour un serveur de test joignable seulement en http://.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="133"/>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="134"/>
        <source>How this connection is called in recmanager, e.g. the university&apos;s name.</source>
        <translation>Le nom de cette connexion dans recmanager, p. ex. le nom de l&apos;université.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="135"/>
        <source>Web login</source>
        <translation>Identifiant web</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="136"/>
        <source>Optional: an account that can log in to &lt;tt&gt;/admin/&lt;/tt&gt; with a local password. Some recorder settings (hash key, manager, folder) can only be changed through Pod&apos;s web pages.</source>
        <translation>Facultatif : un compte pouvant se connecter à &lt;tt&gt;/admin/&lt;/tt&gt; avec un mot de passe local. Certains réglages des enregistreurs (clé de hachage, gestionnaire, dossier) ne peuvent être modifiés que par les pages web de Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="139"/>
        <source>Web password</source>
        <translation>Mot de passe web</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="149"/>
        <source>The deposit folder</source>
        <translation>Le dossier de dépôt</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="153"/>
        <source>SFTP to the Pod server</source>
        <translation>SFTP vers le serveur Pod</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="154"/>
        <source>A folder mounted on this computer</source>
        <translation>Un dossier monté sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="162"/>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="191"/>
        <source>Key file</source>
        <translation>Fichier de clé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="163"/>
        <source>SSH agent</source>
        <translation>Agent SSH</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="164"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="171"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="172"/>
        <source>Browse for the SSH key file</source>
        <translation>Choisir le fichier de clé SSH</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="177"/>
        <source>password or key passphrase, if any</source>
        <translation>mot de passe ou phrase de passe de la clé, le cas échéant</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="181"/>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="182"/>
        <source>recmanager lists, previews and removes deposited files through SFTP, or through a folder of the server mounted here (NFS, SMB).</source>
        <translation>recmanager liste, prévisualise et supprime les fichiers déposés via SFTP, ou via un dossier du serveur monté ici (NFS, SMB).</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="184"/>
        <source>SFTP server</source>
        <translation>Serveur SFTP</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="185"/>
        <source>The Pod server&apos;s name, or the machine that holds the deposit folder.</source>
        <translation>Le nom du serveur Pod, ou de la machine qui héberge le dossier de dépôt.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="186"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="187"/>
        <source>SFTP user</source>
        <translation>Utilisateur SFTP</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="188"/>
        <source>An account that can read and delete files in the deposit folder, often the one the recorders use (e.g. &lt;tt&gt;ftp-pod&lt;/tt&gt;).</source>
        <translation>Un compte pouvant lire et supprimer des fichiers dans le dossier de dépôt, souvent celui qu&apos;utilisent les enregistreurs (p. ex. &lt;tt&gt;ftp-pod&lt;/tt&gt;).</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="190"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="192"/>
        <source>Your private SSH key; its public half must be in the account&apos;s &lt;tt&gt;~/.ssh/authorized_keys&lt;/tt&gt; on the server.</source>
        <translation>Votre clé SSH privée ; sa partie publique doit figurer dans le fichier &lt;tt&gt;~/.ssh/authorized_keys&lt;/tt&gt; du compte sur le serveur.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="194"/>
        <source>Password / passphrase</source>
        <translation>Mot de passe / phrase de passe</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="195"/>
        <source>Mounted folder</source>
        <translation>Dossier monté</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="196"/>
        <source>Where the deposit folder is mounted on this computer.</source>
        <translation>L&apos;emplacement où le dossier de dépôt est monté sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="197"/>
        <source>Deposit root on the server</source>
        <translation>Racine du dépôt sur le serveur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="198"/>
        <source>Pod&apos;s &lt;tt&gt;DEFAULT_RECORDER_PATH&lt;/tt&gt; setting (in Pod&apos;s &lt;tt&gt;custom/settings_local.py&lt;/tt&gt;; default &lt;tt&gt;/data/ftp-pod/ftp/&lt;/tt&gt;): the folder that holds one sub-folder per recorder.</source>
        <translation>Le réglage &lt;tt&gt;DEFAULT_RECORDER_PATH&lt;/tt&gt; de Pod (dans le fichier &lt;tt&gt;custom/settings_local.py&lt;/tt&gt; de Pod ; par défaut &lt;tt&gt;/data/ftp-pod/ftp/&lt;/tt&gt;) : le dossier qui contient un sous-dossier par enregistreur.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="262"/>
        <source>SSH private key</source>
        <translation>Clé privée SSH</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="262"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="289"/>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="309"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="329"/>
        <source>No system keyring is available: the secrets are kept until recmanager quits, and you will be asked for them again next time.</source>
        <translation>Aucun trousseau système n&apos;est disponible : les secrets sont conservés jusqu&apos;à la fermeture de recmanager et vous seront redemandés la prochaine fois.</translation>
    </message>
</context>
<context>
    <name>InboxActions</name>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="40"/>
        <source>Claim…</source>
        <translation>Revendiquer…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="41"/>
        <source>Reassign…</source>
        <translation>Réattribuer…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="42"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="44"/>
        <source>Undo quarantine…</source>
        <translation>Annuler la quarantaine…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="45"/>
        <source>Package…</source>
        <translation>Empaqueter…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="47"/>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="48"/>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="50"/>
        <source>Deposit files…</source>
        <translation>Déposer des fichiers…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="70"/>
        <source>Offline: actions come back when the connection does.</source>
        <translation>Hors ligne : les actions reviendront avec la connexion.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="71"/>
        <source>Set up a connection profile first.</source>
        <translation>Configurez d&apos;abord un profil de connexion.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="82"/>
        <source>Waiting for the first refresh.</source>
        <translation>En attente de la première actualisation.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="88"/>
        <source>Your Pod account is not staff: Pod lets only staff claim.</source>
        <translation>Votre compte Pod n&apos;est pas un compte « staff » : seuls les comptes « staff » peuvent revendiquer dans Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="90"/>
        <source>Select a claimable recording (a file Pod has listed and that is complete).</source>
        <translation>Sélectionnez un enregistrement revendicable (un fichier que Pod a listé et qui est complet).</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="92"/>
        <source>Give the selected recordings an owner (Ctrl+Enter).</source>
        <translation>Attribuer un propriétaire aux enregistrements sélectionnés (Ctrl+Entrée).</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="96"/>
        <source>Your Pod account is not staff.</source>
        <translation>Votre compte Pod n&apos;est pas un compte « staff ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="97"/>
        <source>Change the owner of a claimed video.</source>
        <translation>Changer le propriétaire d&apos;une vidéo revendiquée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="102"/>
        <source>Select the recordings to delete.</source>
        <translation>Sélectionnez les enregistrements à supprimer.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="104"/>
        <location filename="../../recmanager/ui/inbox/actions.py" line="129"/>
        <source>A selected file is still uploading.</source>
        <translation>Un fichier sélectionné est encore en cours de dépôt.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="105"/>
        <source>Delete the selected files (Delete).</source>
        <translation>Supprimer les fichiers sélectionnés (Suppr).</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="109"/>
        <source>Put a quarantined recording back.</source>
        <translation>Remettre en place un enregistrement mis en quarantaine.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="112"/>
        <source>The deposit folder is not connected.</source>
        <translation>Le dossier de dépôt n&apos;est pas connecté.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="114"/>
        <source>Deposit local video files into a recorder&apos;s folder (or drop them on the window).</source>
        <translation>Déposer des fichiers vidéo locaux dans le dossier d&apos;un enregistreur (ou les glisser sur la fenêtre).</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="116"/>
        <source>Package the selected recording to encrypted DASH (it is downloaded first when the deposit is reached over SFTP).</source>
        <translation>Empaqueter l&apos;enregistrement sélectionné en DASH chiffré (il est d&apos;abord téléchargé quand le dépôt est joint en SFTP).</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="122"/>
        <source>Select one recording to package.</source>
        <translation>Sélectionnez un seul enregistrement à empaqueter.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="125"/>
        <source>A zip deposit holds slides, not a video to package.</source>
        <translation>Un dépôt zip contient des diapositives, pas une vidéo à empaqueter.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="127"/>
        <source>The file is no longer in the deposit folder.</source>
        <translation>Le fichier n&apos;est plus dans le dossier de dépôt.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="180"/>
        <source>Claimed by someone else</source>
        <translation>Revendiqué par quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="182"/>
        <source>Done, with a warning</source>
        <translation>Fait, avec un avertissement</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="184"/>
        <source>The action failed</source>
        <translation>L&apos;action a échoué</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="231"/>
        <source>Claiming</source>
        <translation>Revendication</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="232"/>
        <source>Claimed</source>
        <translation>Revendiqué</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="264"/>
        <source>Reassigning</source>
        <translation>Réattribution</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="266"/>
        <source>Reassigned</source>
        <translation>Réattribué</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="295"/>
        <source>Deleting</source>
        <translation>Suppression</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="304"/>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="306"/>
        <location filename="../../recmanager/ui/inbox/actions.py" line="321"/>
        <source>Undo</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="321"/>
        <source>No quarantined recording to put back.</source>
        <translation>Aucun enregistrement en quarantaine à remettre en place.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="323"/>
        <source>{file} (quarantined {time})</source>
        <translation>{file} (en quarantaine depuis {time})</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="326"/>
        <source>Undo quarantine</source>
        <translation>Annuler la quarantaine</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="327"/>
        <source>Put back:</source>
        <translation>Remettre en place :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="332"/>
        <source>Restoring</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/actions.py" line="334"/>
        <source>Restored</source>
        <translation>Restauré</translation>
    </message>
</context>
<context>
    <name>InboxDepositing</name>
    <message>
        <location filename="../../recmanager/ui/inbox/depositing.py" line="26"/>
        <location filename="../../recmanager/ui/inbox/depositing.py" line="47"/>
        <source>Deposit recordings</source>
        <translation>Déposer des enregistrements</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/depositing.py" line="27"/>
        <source>Videos (*.mp4 *.mkv *.mov *.avi *.webm *.ts *.zip);;All files (*)</source>
        <translation>Vidéos (*.mp4 *.mkv *.mov *.avi *.webm *.ts *.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/depositing.py" line="48"/>
        <source>Deposit {count} files into the folder of:</source>
        <translation>Déposer {count} fichiers dans le dossier de :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/depositing.py" line="64"/>
        <source>Deposited</source>
        <translation>Déposé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/depositing.py" line="65"/>
        <source>{count} files are in {folder}; they become claimable once Pod has seen them complete.</source>
        <translation>{count} fichiers sont dans {folder} ; ils deviendront revendicables dès que Pod les aura vus complets.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/depositing.py" line="68"/>
        <source>Depositing</source>
        <translation>Dépôt en cours</translation>
    </message>
</context>
<context>
    <name>InboxFilters</name>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="28"/>
        <source>Any date</source>
        <translation>Toutes dates</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="29"/>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="30"/>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="31"/>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="46"/>
        <source>Recorder</source>
        <translation>Enregistreur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="46"/>
        <source>Claimable / all</source>
        <translation>Revendicables / total</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="51"/>
        <source>Recorders</source>
        <translation>Enregistreurs</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="64"/>
        <source>Filter by file, recorder or path (Ctrl+F)</source>
        <translation>Filtrer par fichier, enregistreur ou chemin (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="65"/>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="69"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="70"/>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="75"/>
        <source>Deposited</source>
        <translation>Déposé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="87"/>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="88"/>
        <source>Any quality</source>
        <translation>Toute qualité</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="89"/>
        <source>With a problem</source>
        <translation>Avec un problème</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="106"/>
        <source>All recordings</source>
        <translation>Tous les enregistrements</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="118"/>
        <source>{claimable} claimable of {count} files</source>
        <translation>{claimable} revendicables sur {count} fichiers</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="122"/>
        <source>{folder}: this folder belongs to no recorder.</source>
        <translation>{folder} : ce dossier n&apos;appartient à aucun enregistreur.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="161"/>
        <source>{shown} of {total} recordings</source>
        <translation>{shown} enregistrements sur {total}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/filters.py" line="163"/>
        <source>last refresh {time}</source>
        <translation>dernière actualisation : {time}</translation>
    </message>
</context>
<context>
    <name>InboxInspections</name>
    <message>
        <location filename="../../recmanager/ui/inbox/inspections.py" line="72"/>
        <source>Reading the recordings&apos; inspections</source>
        <translation>Lecture des examens des enregistrements</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/inspections.py" line="92"/>
        <source>Recordings to inspect: {count}</source>
        <translation>Enregistrements à examiner : {count}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/inspections.py" line="93"/>
        <source>Recordings inspected: {done} of {count}</source>
        <translation>Enregistrements examinés : {done} sur {count}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/inspections.py" line="128"/>
        <source>Inspecting the recordings</source>
        <translation>Examen des enregistrements</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/inspections.py" line="146"/>
        <source>The recordings could not all be inspected: {error}</source>
        <translation>Les enregistrements n’ont pas tous pu être examinés : {error}</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../recmanager/ui/inbox/model.py" line="53"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/model.py" line="54"/>
        <source>Recorder</source>
        <translation>Enregistreur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/model.py" line="55"/>
        <source>Deposited</source>
        <translation>Déposé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/model.py" line="56"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/model.py" line="57"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/model.py" line="58"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/model.py" line="314"/>
        <source>{size} bytes</source>
        <translation>{size} octets</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/model.py" line="357"/>
        <source>{name} ({count} slides)</source>
        <translation>{name} ({count} diapos)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/model.py" line="360"/>
        <source>(no recorder: {folder})</source>
        <translation>(aucun : {folder})</translation>
    </message>
</context>
<context>
    <name>InboxPanel</name>
    <message>
        <location filename="../../recmanager/ui/inbox/panel.py" line="159"/>
        <source>Connection problem</source>
        <translation>Problème de connexion</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/panel.py" line="161"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/panel.py" line="174"/>
        <source>Recordings</source>
        <translation>Enregistrements</translation>
    </message>
</context>
<context>
    <name>InboxPreview</name>
    <message>
        <location filename="../../recmanager/ui/inbox/preview_source.py" line="37"/>
        <source>Played from Pod&apos;s preview address.</source>
        <translation>Lu depuis l&apos;adresse d&apos;aperçu de Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/preview_source.py" line="41"/>
        <source>Offline: no preview.</source>
        <translation>Hors ligne : pas d&apos;aperçu.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/preview_source.py" line="43"/>
        <source>Opening the preview…</source>
        <translation>Ouverture de l&apos;aperçu…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/preview_source.py" line="58"/>
        <source>No preview: {error}</source>
        <translation>Pas d&apos;aperçu : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/preview_source.py" line="60"/>
        <location filename="../../recmanager/ui/inbox/preview_source.py" line="84"/>
        <source>Opening the preview</source>
        <translation>Ouverture de l&apos;aperçu</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/preview_source.py" line="109"/>
        <source>this zip holds no video.</source>
        <translation>ce zip ne contient aucune vidéo.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/preview_source.py" line="110"/>
        <source>Video {member} of the zip; {count} slides.</source>
        <translation>Vidéo {member} du zip ; {count} diapositives.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/preview_source.py" line="115"/>
        <source>(compressed in the zip: copied out first)</source>
        <translation>(compressée dans le zip : extraite d&apos;abord)</translation>
    </message>
</context>
<context>
    <name>InboxRefresh</name>
    <message>
        <location filename="../../recmanager/ui/inbox/refresh.py" line="59"/>
        <source>&lt;b&gt;The saved recordings cannot be shown&lt;/b&gt; — {error}</source>
        <translation>&lt;b&gt;Les enregistrements mémorisés ne peuvent pas être affichés&lt;/b&gt; — {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/refresh.py" line="106"/>
        <source>Refreshing the recordings</source>
        <translation>Actualisation des enregistrements</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/refresh.py" line="131"/>
        <source>{count} recordings, refreshed at {time}.</source>
        <translation>{count} enregistrements, actualisés à {time}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/refresh.py" line="160"/>
        <source>&lt;b&gt;The saved recordings cannot be used&lt;/b&gt; — {error}&lt;br&gt;Read-only until the database is free: Retry reads it again.</source>
        <translation>&lt;b&gt;Les enregistrements gardés ne peuvent pas être utilisés&lt;/b&gt; — {error}&lt;br&gt;Lecture seule tant que la base de données n&apos;est pas libre : Réessayer la relit.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/refresh.py" line="174"/>
        <source>The mounted deposit folder is readable: previews still work.</source>
        <translation>Le dossier de dépôt monté est lisible : les aperçus fonctionnent toujours.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/refresh.py" line="183"/>
        <source>as of {time}</source>
        <translation>état à {time}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/refresh.py" line="185"/>
        <source>nothing was saved yet</source>
        <translation>rien n&apos;a encore été sauvegardé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/refresh.py" line="187"/>
        <source>&lt;b&gt;Offline&lt;/b&gt; — {error}&lt;br&gt;Showing the last known recordings ({when}), read-only: actions come back when the connection does.</source>
        <translation>&lt;b&gt;Hors ligne&lt;/b&gt; — {error}&lt;br&gt;Affichage des derniers enregistrements connus ({when}), en lecture seule : les actions reviendront avec la connexion.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/refresh.py" line="191"/>
        <source>Offline: {error}</source>
        <translation>Hors ligne : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/inbox/refresh.py" line="220"/>
        <source>Reading Pod&apos;s users</source>
        <translation>Lecture des utilisateurs de Pod</translation>
    </message>
</context>
<context>
    <name>InspectionFlag</name>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="46"/>
        <location filename="../../recmanager/inspection/model.py" line="58"/>
        <source>no sound track</source>
        <translation>pas de piste son</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="47"/>
        <location filename="../../recmanager/inspection/model.py" line="59"/>
        <source>no sound</source>
        <translation>pas de son</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="48"/>
        <source>picture stays black</source>
        <translation>l&apos;image reste noire</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="49"/>
        <source>picture never changes</source>
        <translation>l&apos;image ne change jamais</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="50"/>
        <source>too short: a false start?</source>
        <translation>trop court : un faux départ ?</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="51"/>
        <source>recording stopped early — the file cannot be played as is</source>
        <translation>enregistrement arrêté trop tôt — le fichier ne peut pas être lu tel quel</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="53"/>
        <source>much shorter than its timetable slot</source>
        <translation>bien plus court que son créneau à l&apos;emploi du temps</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="60"/>
        <source>black picture</source>
        <translation>image noire</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="61"/>
        <source>frozen picture</source>
        <translation>image figée</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="62"/>
        <source>false start?</source>
        <translation>faux départ ?</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="63"/>
        <source>stopped early</source>
        <translation>arrêt prématuré</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="64"/>
        <source>short for its slot</source>
        <translation>court pour son créneau</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="91"/>
        <source>The file holds a picture and no sound track.</source>
        <translation>Le fichier contient une image mais aucune piste son.</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="93"/>
        <source>{count} moments listened to from {first} to {last}: the loudest is {level} dB, quieter than a room with a live microphone.</source>
        <translation>{count} moments écoutés de {first} à {last} : le plus fort est à {level} dB, plus bas qu&apos;une salle avec un micro ouvert.</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="99"/>
        <source>{count} pictures looked at from {first} to {last}: all black.</source>
        <translation>{count} images regardées de {first} à {last} : toutes noires.</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="104"/>
        <source>{count} pictures looked at from {first} to {last}: all the same.</source>
        <translation>{count} images regardées de {first} à {last} : toutes identiques.</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="109"/>
        <source>It lasts {duration}, less than {minimum}.</source>
        <translation>Il dure {duration}, moins de {minimum}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="113"/>
        <source>It lasts {duration} of a {slot} slot.</source>
        <translation>Il dure {duration} pour un créneau de {slot}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="117"/>
        <source>The file has no movie header (moov): the recorder stopped before finishing it.</source>
        <translation>Le fichier n&apos;a pas d&apos;en-tête vidéo (moov) : l&apos;enregistreur s&apos;est arrêté avant de le terminer.</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/model.py" line="120"/>
        <source>Its {part} part needs {needed} bytes but the file holds {size}.</source>
        <translation>Sa partie {part} demande {needed} octets mais le fichier n&apos;en contient que {size}.</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <location filename="../../recmanager/packaging/records.py" line="55"/>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/records.py" line="56"/>
        <source>Ingested</source>
        <translation>Importée</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/records.py" line="57"/>
        <source>Fragmented</source>
        <translation>Fragmentée</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/records.py" line="58"/>
        <source>Encrypted</source>
        <translation>Chiffrée</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/records.py" line="59"/>
        <source>Ready</source>
        <translation>Prête</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/records.py" line="60"/>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/records.py" line="61"/>
        <source>Aborted</source>
        <translation>Abandonnée</translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="93"/>
        <source>Job</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="93"/>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="93"/>
        <source>Backend</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="93"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="94"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="94"/>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="94"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="145"/>
        <source>The manifest and its segments are in {folder}</source>
        <translation>Le manifeste et ses segments sont dans {folder}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="159"/>
        <source>not submitted</source>
        <translation>non soumise</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="160"/>
        <source>queue</source>
        <translation>file d&apos;attente</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="245"/>
        <location filename="../../recmanager/ui/jobs_panel.py" line="272"/>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="248"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="249"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="250"/>
        <source>Open output folder</source>
        <translation>Ouvrir le dossier de sortie</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="252"/>
        <source>Copy manifest path</source>
        <translation>Copier le chemin du manifeste</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="254"/>
        <source>Remove…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="257"/>
        <source>Take a failed or aborted job off the list, with its key and the copy of the recording downloaded for it</source>
        <translation>Retirer de la liste une tâche en échec ou abandonnée, avec sa clé et la copie de l&apos;enregistrement téléchargée pour elle</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="350"/>
        <source>The jobs cannot be shown: {error}</source>
        <translation>Les tâches ne peuvent pas être affichées : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="444"/>
        <source>{status}: {message}</source>
        <translation>{status} : {message}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/ui/jobs_panel.py" line="562"/>
        <source>Jobs running: %n</source>
        <translation>
            <numerusform>%n tâche en cours</numerusform>
            <numerusform>%n tâches en cours</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="583"/>
        <source>Remove job {id} ({name}) from the list? Its key is deleted: it made no package.</source>
        <translation>Retirer la tâche {id} ({name}) de la liste ? Sa clé est supprimée : elle n&apos;a produit aucun paquet.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="588"/>
        <source>The copy of the recording downloaded for it ({size}) is deleted too: a new package downloads it again.</source>
        <translation>La copie de l&apos;enregistrement téléchargée pour elle ({size}) est supprimée aussi : un nouvel empaquetage la téléchargera à nouveau.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="592"/>
        <source>Remove job</source>
        <translation>Retirer la tâche</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="599"/>
        <location filename="../../recmanager/ui/jobs_panel.py" line="601"/>
        <source>Job not removed</source>
        <translation>Tâche non retirée</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="80"/>
        <source>recmanager</source>
        <translation>recmanager</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="115"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="118"/>
        <source>Connection profiles…</source>
        <translation>Profils de connexion…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="121"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="123"/>
        <location filename="../../recmanager/ui/main_window.py" line="615"/>
        <source>About recmanager</source>
        <translation>À propos de recmanager</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="125"/>
        <source>Settings…</source>
        <translation>Réglages…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="128"/>
        <source>Recorders</source>
        <translation>Enregistreurs</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="131"/>
        <source>Package a file…</source>
        <translation>Empaqueter un fichier…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="134"/>
        <source>Bulk assignment…</source>
        <translation>Attribution en masse…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="136"/>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="145"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="151"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="155"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="178"/>
        <source>&amp;Recordings</source>
        <translation>En&amp;registrements</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="283"/>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="373"/>
        <source>Loading the jobs</source>
        <translation>Chargement des tâches</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="477"/>
        <source>TLS verification is OFF: anyone on the network path can read and change what recmanager sends to Pod.</source>
        <translation>La vérification TLS est DÉSACTIVÉE : n&apos;importe qui sur le chemin réseau peut lire et modifier ce que recmanager envoie à Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="480"/>
        <source>(plain HTTP, unencrypted)</source>
        <translation>(HTTP non chiffré)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="481"/>
        <source>Plain HTTP: the token and the passwords travel in clear.</source>
        <translation>HTTP non chiffré : le jeton et les mots de passe circulent en clair.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="267"/>
        <source>&amp;Jobs</source>
        <translation>&amp;Tâches</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="467"/>
        <source>No profile</source>
        <translation>Aucun profil</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="471"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="476"/>
        <source>(TLS verification OFF)</source>
        <translation>(vérification TLS DÉSACTIVÉE)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="617"/>
        <source>&lt;b&gt;recmanager {version}&lt;/b&gt;&lt;p&gt;Recordings and recorders of Esup-Pod, for lecture-capture teams.&lt;/p&gt;</source>
        <translation>&lt;b&gt;recmanager {version}&lt;/b&gt;&lt;p&gt;Enregistrements et enregistreurs d&apos;Esup-Pod, pour les équipes de captation des cours.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../recmanager/ui/notifications.py" line="146"/>
        <source>Show recmanager</source>
        <translation>Afficher recmanager</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notifications.py" line="148"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notifications.py" line="171"/>
        <source>recmanager — no recording to claim</source>
        <translation>recmanager — aucun enregistrement à revendiquer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/ui/notifications.py" line="172"/>
        <source>recmanager — recordings to claim: %n</source>
        <translation>
            <numerusform>recmanager — enregistrements à revendiquer : %n</numerusform>
            <numerusform>recmanager — enregistrements à revendiquer : %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/ui/notifications.py" line="198"/>
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform>
            <numerusform>et %n autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/ui/notifications.py" line="199"/>
        <source>New recordings to claim: %n</source>
        <translation>
            <numerusform>Nouveaux enregistrements à revendiquer : %n</numerusform>
            <numerusform>Nouveaux enregistrements à revendiquer : %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notifications.py" line="216"/>
        <source>Job finished: {name}</source>
        <translation>Tâche terminée : {name}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notifications.py" line="218"/>
        <source>Job failed: {name}</source>
        <translation>Échec de la tâche : {name}</translation>
    </message>
</context>
<context>
    <name>NotifyPanel</name>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="46"/>
        <location filename="../../recmanager/ui/notify_panel.py" line="122"/>
        <source>Select a recorder.</source>
        <translation>Sélectionnez un enregistreur.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="49"/>
        <source>Notify key and URL</source>
        <translation>Clé et URL de notification</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="51"/>
        <source>Notify key</source>
        <translation>Clé de notification</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="52"/>
        <source>Key:</source>
        <translation>Clé :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="55"/>
        <source>Recording file name</source>
        <translation>Nom du fichier d&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="56"/>
        <source>file name in the recorder&apos;s folder</source>
        <translation>nom du fichier dans le dossier de l&apos;enregistreur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="58"/>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="59"/>
        <source>Notify URL</source>
        <translation>URL de notification</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="60"/>
        <source>URL:</source>
        <translation>URL :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="62"/>
        <source>Pod&apos;s cron calls this URL itself for a recorder with a manager; a device that notifies Pod must be configured to call it.</source>
        <translation>Le cron de Pod appelle lui-même cette URL pour un enregistreur doté d&apos;un gestionnaire ; un appareil qui notifie Pod doit être configuré pour l&apos;appeler.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="67"/>
        <source>Check a device&apos;s key</source>
        <translation>Vérifier la clé d&apos;un appareil</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="72"/>
        <source>Key configured on the device</source>
        <translation>Clé configurée sur l&apos;appareil</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="73"/>
        <source>paste the key the device is configured with</source>
        <translation>collez la clé configurée sur l&apos;appareil</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="75"/>
        <source>Device &amp;key:</source>
        <translation>&amp;Clé de l&apos;appareil :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="82"/>
        <source>Call the notify URL…</source>
        <translation>Appeler l&apos;URL de notification…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="85"/>
        <source>Really calls Pod: it e-mails the manager or publishes the video.</source>
        <translation>Appelle réellement Pod : il envoie un e-mail au gestionnaire ou publie la vidéo.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="109"/>
        <location filename="../../recmanager/ui/notify_panel.py" line="110"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="125"/>
        <source>{name}: the notify key needs the hash key, which only the web session can read ({reason}).</source>
        <translation>{name} : la clé de notification nécessite la clé de hachage, que seule la session web peut lire ({reason}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="166"/>
        <source>Give the name of a file in the recorder&apos;s folder first.</source>
        <translation>Indiquez d&apos;abord le nom d&apos;un fichier du dossier de l&apos;enregistreur.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="175"/>
        <source>Call the notify URL</source>
        <translation>Appeler l&apos;URL de notification</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/notify_panel.py" line="176"/>
        <source>This really calls Pod for {path}: Pod will e-mail the manager (or the admins), or publish the video at once for an auto-publishing recorder. Call it?</source>
        <translation>Ceci appelle réellement Pod pour {path} : Pod enverra un e-mail au gestionnaire (ou aux administrateurs), ou publiera immédiatement la vidéo s&apos;il s&apos;agit d&apos;un enregistreur en publication automatique. Appeler l&apos;URL ?</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="93"/>
        <source>Package to encrypted DASH</source>
        <translation>Empaqueter en DASH chiffré</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="124"/>
        <source>The recording is downloaded to this computer first; the copy is removed once its package is ready.</source>
        <translation>L&apos;enregistrement est d&apos;abord téléchargé sur cet ordinateur ; la copie est supprimée une fois son paquet prêt.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="153"/>
        <source>Where packaging runs</source>
        <translation>Où l&apos;empaquetage s&apos;exécute</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="155"/>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="156"/>
        <source>The server&apos;s workers (queue)</source>
        <translation>Les workers du serveur (file d&apos;attente)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="164"/>
        <source>&amp;Runs on:</source>
        <translation>Exécution s&amp;ur :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="167"/>
        <source>Input file</source>
        <translation>Fichier d&apos;entrée</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="169"/>
        <location filename="../../recmanager/ui/dialogs/package.py" line="278"/>
        <source>The recording&apos;s .mp4 file</source>
        <translation>Le fichier .mp4 de l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="170"/>
        <location filename="../../recmanager/ui/dialogs/package.py" line="238"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="172"/>
        <source>&amp;Input:</source>
        <translation>&amp;Entrée :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="178"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="181"/>
        <location filename="../../recmanager/ui/dialogs/package.py" line="192"/>
        <source>32 hex digits, base64 or base64url</source>
        <translation>32 chiffres hexadécimaux, base64 ou base64url</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="182"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="188"/>
        <source>&amp;Key:</source>
        <translation>&amp;Clé :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="193"/>
        <source>&amp;Generate</source>
        <translation>&amp;Générer</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="194"/>
        <source>A new random key and KID</source>
        <translation>Une nouvelle clé et un nouveau KID aléatoires</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="196"/>
        <source>K&amp;ID:</source>
        <translation>K&amp;ID :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="207"/>
        <source>Backend</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="209"/>
        <source>Automatic (Bento4)</source>
        <translation>Automatique (Bento4)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="210"/>
        <source>Automatic (FFmpeg: Bento4 not found)</source>
        <translation>Automatique (FFmpeg : Bento4 introuvable)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="212"/>
        <source>Bento4</source>
        <translation>Bento4</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="213"/>
        <source>FFmpeg (bundled)</source>
        <translation>FFmpeg (fourni)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="217"/>
        <source>Set the Bento4 folder in the connection profile.</source>
        <translation>Définissez le dossier de Bento4 dans le profil de connexion.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="219"/>
        <source>&amp;Backend:</source>
        <translation>&amp;Moteur :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="221"/>
        <source>Scheme</source>
        <translation>Schéma</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="223"/>
        <source>CENC (AES-CTR)</source>
        <translation>CENC (AES-CTR)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="224"/>
        <source>CBCS (AES-CBC pattern)</source>
        <translation>CBCS (motif AES-CBC)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="225"/>
        <source>&amp;Scheme:</source>
        <translation>&amp;Schéma :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="226"/>
        <source>Encrypt every track, not only the video</source>
        <translation>Chiffrer toutes les pistes, pas seulement la vidéo</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="231"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="233"/>
        <location filename="../../recmanager/ui/dialogs/package.py" line="281"/>
        <source>A new folder for the DASH files</source>
        <translation>Un nouveau dossier pour les fichiers DASH</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="240"/>
        <source>&amp;Output folder:</source>
        <translation>Dossier de s&amp;ortie :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="130"/>
        <source>Downloading… %p %</source>
        <translation>Téléchargement… %p %</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="286"/>
        <source>Download and package</source>
        <translation>Télécharger et empaqueter</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="287"/>
        <source>Package</source>
        <translation>Empaqueter</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="160"/>
        <source>Set the packaging queue in the connection profile (File → Connection profiles…, Packaging).</source>
        <translation>Réglez la file d&apos;attente d&apos;empaquetage dans le profil de connexion (Fichier → Profils de connexion…, Empaquetage).</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="262"/>
        <source>FFmpeg only encrypts with CENC.</source>
        <translation>FFmpeg ne chiffre qu&apos;en CENC.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="267"/>
        <source>FFmpeg encrypts every track.</source>
        <translation>FFmpeg chiffre toutes les pistes.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="277"/>
        <source>The recording&apos;s path on the server</source>
        <translation>Le chemin de l&apos;enregistrement sur le serveur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="280"/>
        <source>A new folder name in the workers&apos; output folder</source>
        <translation>Un nouveau nom de dossier dans le dossier de sortie des workers</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="300"/>
        <source>Recording to package</source>
        <translation>Enregistrement à empaqueter</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="301"/>
        <source>MP4 video (*.mp4 *.m4v *.mov);;All files (*)</source>
        <translation>Vidéo MP4 (*.mp4 *.m4v *.mov);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="308"/>
        <source>Where to create the folder</source>
        <translation>Où créer le dossier</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="351"/>
        <source>This folder is inside the deposit folder {folder}: Pod&apos;s cron would take the DASH segments for new recordings. Choose a folder outside it.</source>
        <translation>Ce dossier est dans le dossier de dépôt {folder} : le cron de Pod prendrait les segments DASH pour de nouveaux enregistrements. Choisissez un dossier en dehors.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="360"/>
        <source>key</source>
        <translation>clé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="381"/>
        <source>Give the output folder&apos;s full path (or use Browse…).</source>
        <translation>Donnez le chemin complet du dossier de sortie (ou utilisez Parcourir…).</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="190"/>
        <location filename="../../recmanager/ui/dialogs/package.py" line="360"/>
        <source>KID</source>
        <translation>KID</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="374"/>
        <source>Choose the recording to package.</source>
        <translation>Choisissez l&apos;enregistrement à empaqueter.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="376"/>
        <source>The input file does not exist.</source>
        <translation>Le fichier d&apos;entrée n&apos;existe pas.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="379"/>
        <source>Choose an output folder.</source>
        <translation>Choisissez un dossier de sortie.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="392"/>
        <source>Give the recording&apos;s full path on the server.</source>
        <translation>Indiquez le chemin complet de l&apos;enregistrement sur le serveur.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="395"/>
        <source>Give one new folder name for the workers&apos; output folder.</source>
        <translation>Indiquez un nouveau nom de dossier unique pour le dossier de sortie des workers.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="404"/>
        <source>Key and KID are valid: 16 bytes each.</source>
        <translation>La clé et le KID sont valides : 16 octets chacun.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="407"/>
        <source>Enter the key and KID, or Generate a new pair.</source>
        <translation>Saisissez la clé et le KID, ou générez-en une nouvelle paire (Générer).</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/package.py" line="480"/>
        <source>The download failed: {error}</source>
        <translation>Le téléchargement a échoué : {error}</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <location filename="../../recmanager/ui/bulk_plan_model.py" line="38"/>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_plan_model.py" line="38"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_plan_model.py" line="38"/>
        <source>Recorder</source>
        <translation>Enregistreur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_plan_model.py" line="38"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_plan_model.py" line="39"/>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_plan_model.py" line="39"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_plan_model.py" line="39"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_plan_model.py" line="39"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_plan_model.py" line="40"/>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/bulk_plan_model.py" line="104"/>
        <source>rules file, line {line}</source>
        <translation>fichier de règles, ligne {line}</translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="123"/>
        <location filename="../../recmanager/ui/preview.py" line="393"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="191"/>
        <source>Open in an external player</source>
        <translation>Ouvrir dans un lecteur externe</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="163"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="203"/>
        <source>Play / pause (Space)</source>
        <translation>Lecture / pause (Espace)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="205"/>
        <source>Back 5 s (←)</source>
        <translation>Reculer de 5 s (←)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="208"/>
        <source>Forward 5 s (→)</source>
        <translation>Avancer de 5 s (→)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="211"/>
        <source>Previous frame (,)</source>
        <translation>Image précédente (,)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="213"/>
        <source>Next frame (.)</source>
        <translation>Image suivante (.)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="215"/>
        <source>Time</source>
        <translation>Temps</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="217"/>
        <location filename="../../recmanager/ui/preview.py" line="357"/>
        <source>Mute (M)</source>
        <translation>Couper le son (M)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="218"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="223"/>
        <source>Bigger window (F)</source>
        <translation>Agrandir la fenêtre (F)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="170"/>
        <source>Space: play/pause · ←/→: 5 s · Shift+←/→: 30 s · ,/.: frame · ↑/↓: volume · M: mute · F: bigger window</source>
        <translation>Espace : lecture/pause · ←/→ : 5 s · Maj+←/→ : 30 s · ,/. : image par image · ↑/↓ : volume · M : couper le son · F : agrandir la fenêtre</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="271"/>
        <source>This Wayland session cannot embed the video player (XWayland is needed).</source>
        <translation>Cette session Wayland ne permet pas d&apos;intégrer le lecteur vidéo (XWayland est nécessaire).</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="274"/>
        <source>The video player cannot be embedded on the &quot;{platform}&quot; display.</source>
        <translation>Le lecteur vidéo ne peut pas être intégré sur l&apos;affichage « {platform} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="277"/>
        <source>The recording can be watched in an external player.</source>
        <translation>L&apos;enregistrement peut être visionné dans un lecteur externe.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/preview.py" line="357"/>
        <source>Unmute (M)</source>
        <translation>Rétablir le son (M)</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="56"/>
        <source>Connection profiles</source>
        <translation>Profils de connexion</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="92"/>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="95"/>
        <source>New profile</source>
        <translation>Nouveau profil</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="98"/>
        <source>Delete profile…</source>
        <translation>Supprimer le profil…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="78"/>
        <source>Pod server</source>
        <translation>Serveur Pod</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="109"/>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="297"/>
        <source>REST token (from Pod&apos;s admin)</source>
        <translation>jeton REST (depuis l&apos;administration de Pod)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="110"/>
        <source>Verify the server&apos;s TLS certificate</source>
        <translation>Vérifier le certificat TLS du serveur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="113"/>
        <source>optional CA bundle file</source>
        <translation>fichier d&apos;autorités de certification (facultatif)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="114"/>
        <source>for actions REST cannot do</source>
        <translation>pour les actions impossibles en REST</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="119"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="120"/>
        <source>Pod address</source>
        <translation>Adresse de Pod</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="121"/>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="124"/>
        <source>Allow plain HTTP (the token and passwords travel in clear)</source>
        <translation>Autoriser le HTTP non chiffré (le jeton et les mots de passe circulent en clair)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="126"/>
        <source>CA bundle</source>
        <translation>Autorités de certification</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="127"/>
        <source>Web login</source>
        <translation>Identifiant web</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="128"/>
        <source>Web password</source>
        <translation>Mot de passe web</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="129"/>
        <source>Preview base URL</source>
        <translation>URL de base de l&apos;aperçu</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="79"/>
        <source>Deposit folder</source>
        <translation>Dossier de dépôt</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="137"/>
        <source>SFTP</source>
        <translation>SFTP</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="138"/>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="169"/>
        <source>Mounted folder</source>
        <translation>Dossier monté</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="145"/>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="166"/>
        <source>Key file</source>
        <translation>Fichier de clé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="146"/>
        <source>SSH agent</source>
        <translation>Agent SSH</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="147"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="150"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="155"/>
        <source>password or key passphrase</source>
        <translation>mot de passe ou phrase de passe de la clé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="158"/>
        <source>mounted folder</source>
        <translation>dossier monté</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="159"/>
        <source>optional Bento4 folder</source>
        <translation>dossier de Bento4 (facultatif)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="203"/>
        <source>optional, e.g. /data/ftp-pod/quarantine</source>
        <translation>facultatif, p. ex. /data/ftp-pod/quarantine</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="170"/>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="205"/>
        <source>Quarantine folder</source>
        <translation>Dossier de quarantaine</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="208"/>
        <source>Deleted recordings wait here, so that a delete can be undone.
Empty: deletes cannot be undone.</source>
        <translation>Les enregistrements supprimés attendent ici : une suppression peut être annulée.
Vide : les suppressions ne peuvent pas être annulées.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="212"/>
        <source>A folder on the deposit&apos;s server (on this computer for a mounted folder), outside the deposit root, which Pod&apos;s cron scans, and on the same disk: files are moved, not copied.</source>
        <translation>Un dossier sur le serveur du dépôt (sur cet ordinateur pour un dossier monté), hors de la racine du dépôt que parcourt le cron de Pod, et sur le même disque : les fichiers sont déplacés, pas copiés.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="161"/>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="80"/>
        <source>Packaging</source>
        <translation>Empaquetage</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="162"/>
        <source>SFTP host</source>
        <translation>Hôte SFTP</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="163"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="164"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="165"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="167"/>
        <source>Password / passphrase</source>
        <translation>Mot de passe / phrase de passe</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="168"/>
        <source>Deposit root on the server</source>
        <translation>Racine du dépôt sur le serveur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="172"/>
        <source>Bento4 folder</source>
        <translation>Dossier de Bento4</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="181"/>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="182"/>
        <source>The server&apos;s queue</source>
        <translation>La file d&apos;attente du serveur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="187"/>
        <source>the broker&apos;s own; with RabbitMQ, a Redis</source>
        <translation>celui du broker ; avec RabbitMQ, un Redis</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="189"/>
        <source>Where job states are kept, e.g. redis://pod.univ.fr:6379/5. Empty: the broker keeps them (Redis). RabbitMQ keeps none the desks can read: give a Redis.</source>
        <translation>Où les états des tâches sont gardés, par ex. redis://pod.univ.fr:6379/5. Vide : le broker les garde (Redis). RabbitMQ n&apos;en garde aucun que les postes puissent lire : indiquez un Redis.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="192"/>
        <source>printed by `recmanager worker-key` on the server</source>
        <translation>affichée par `recmanager worker-key` sur le serveur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="193"/>
        <source>Runs on</source>
        <translation>Exécution sur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="194"/>
        <source>Broker address</source>
        <translation>Adresse du broker</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="195"/>
        <source>Broker password</source>
        <translation>Mot de passe du broker</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="196"/>
        <source>Job states in</source>
        <translation>États des tâches dans</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="197"/>
        <source>Workers&apos; public key</source>
        <translation>Clé publique des workers</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="221"/>
        <source>TLS verification is OFF for this profile: anyone on the network path could read the token.</source>
        <translation>La vérification TLS est DÉSACTIVÉE pour ce profil : n&apos;importe qui sur le chemin réseau pourrait lire le jeton.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="231"/>
        <source>Connection test results</source>
        <translation>Résultats du test de connexion</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="240"/>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="296"/>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="299"/>
        <source>stored in the keyring</source>
        <translation>enregistré dans le trousseau</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="300"/>
        <source>none stored (a broker without a password)</source>
        <translation>aucun enregistré (broker sans mot de passe)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="366"/>
        <source>SSH private key</source>
        <translation>Clé privée SSH</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="366"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="378"/>
        <source>• {field}: {problems}</source>
        <translation>• {field} : {problems}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="383"/>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="386"/>
        <source>Profile not saved</source>
        <translation>Profil non enregistré</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="391"/>
        <source>No keyring</source>
        <translation>Pas de trousseau</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="393"/>
        <source>No system keyring is available: the secrets are kept in memory until recmanager quits, and you will be asked for them again next time.</source>
        <translation>Aucun trousseau système n&apos;est disponible : les secrets sont gardés en mémoire jusqu&apos;à la fermeture de recmanager et vous seront redemandés la prochaine fois.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="407"/>
        <source>Delete profile</source>
        <translation>Supprimer le profil</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="408"/>
        <source>Delete the profile &quot;{name}&quot; and its secrets (token, passwords) from the keyring? Nothing on the Pod server or in the deposit folder changes; the audit log is kept.</source>
        <translation>Supprimer le profil « {name} » et ses secrets (jeton, mots de passe) du trousseau ? Rien ne change sur le serveur Pod ni dans le dossier de dépôt ; le journal d&apos;audit est conservé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="418"/>
        <source>Profile not deleted</source>
        <translation>Profil non supprimé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="435"/>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
</context>
<context>
    <name>ProfileTest</name>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile_form.py" line="53"/>
        <source>&lt;b&gt;{part}&lt;/b&gt;: {message}</source>
        <translation>&lt;b&gt;{part}&lt;/b&gt; : {message}</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../recmanager/ui/dialogs/reassign.py" line="36"/>
        <source>Reassign a video</source>
        <translation>Réattribuer une vidéo</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/reassign.py" line="41"/>
        <source>Recent claims</source>
        <translation>Revendications récentes</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/reassign.py" line="42"/>
        <source>(type the video number)</source>
        <translation>(saisissez le numéro de la vidéo)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/reassign.py" line="47"/>
        <source>{file} → {owner} (video {id})</source>
        <translation>{file} → {owner} (vidéo {id})</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/reassign.py" line="54"/>
        <source>&amp;Recent claims:</source>
        <translation>Revendications &amp;récentes :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/reassign.py" line="57"/>
        <source>Video number</source>
        <translation>Numéro de vidéo</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/reassign.py" line="58"/>
        <source>&amp;Video:</source>
        <translation>&amp;Vidéo :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/reassign.py" line="59"/>
        <source>New owner</source>
        <translation>Nouveau propriétaire</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/reassign.py" line="60"/>
        <source>New &amp;owner:</source>
        <translation>Nouveau &amp;propriétaire :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/reassign.py" line="65"/>
        <source>Your superuser web session changes the owner with Pod&apos;s own tool, which also moves the video&apos;s files to the new owner&apos;s folder.</source>
        <translation>Votre session web de superutilisateur change le propriétaire avec l&apos;outil propre à Pod, qui déplace aussi les fichiers de la vidéo dans le dossier du nouveau propriétaire.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/reassign.py" line="68"/>
        <source>Without a superuser web session the owner is changed over REST: the video&apos;s files stay in the old owner&apos;s folder on the server.</source>
        <translation>Sans session web de superutilisateur, le propriétaire est changé par REST : les fichiers de la vidéo restent dans le dossier de l&apos;ancien propriétaire sur le serveur.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/reassign.py" line="75"/>
        <source>Reassign</source>
        <translation>Réattribuer</translation>
    </message>
</context>
<context>
    <name>RecorderEditor</name>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="78"/>
        <source>New recorder</source>
        <translation>Nouvel enregistreur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="79"/>
        <source>Recorder “{name}”</source>
        <translation>Enregistreur « {name} »</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="129"/>
        <source>Pod (written over REST)</source>
        <translation>Pod (écrit via REST)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="133"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="135"/>
        <source>192.168.1.10 or 2001:db8::10</source>
        <translation>192.168.1.10 ou 2001:db8::10</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="136"/>
        <source>&amp;IP address:</source>
        <translation>Adresse &amp;IP :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="140"/>
        <source>&amp;Recording type:</source>
        <translation>&amp;Type d&apos;enregistrement :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="144"/>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="149"/>
        <source>Recorder settings (written over the web session)</source>
        <translation>Réglages de l&apos;enregistreur (écrits via la session web)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="192"/>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="243"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="197"/>
        <source>&amp;Generate</source>
        <translation>&amp;Générer</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="199"/>
        <source>A new random hash key (240 bits). Every device that notifies Pod must then be given it.</source>
        <translation>Une nouvelle clé de hachage aléatoire (240 bits). Elle devra ensuite être transmise à chaque appareil qui notifie Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="203"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="153"/>
        <source>&amp;Hash key:</source>
        <translation>Clé de &amp;hachage :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="158"/>
        <source>one folder name, e.g. amphiA</source>
        <translation>un seul nom de dossier, p. ex. amphiA</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="159"/>
        <source>&amp;Folder:</source>
        <translation>Doss&amp;ier :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="161"/>
        <source>login or e-mail; empty = manual claim</source>
        <translation>identifiant ou e-mail ; vide = revendication manuelle</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="162"/>
        <source>&amp;Manager:</source>
        <translation>Ge&amp;stionnaire :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="164"/>
        <source>logins, separated by commas</source>
        <translation>identifiants, séparés par des virgules</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="165"/>
        <source>Additional &amp;owners:</source>
        <translation>&amp;Propriétaires additionnels :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="169"/>
        <source>&amp;Video type:</source>
        <translation>Type de &amp;vidéo :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="170"/>
        <source>Publish automatically in the manager&apos;s name</source>
        <translation>Publier automatiquement au nom du gestionnaire</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="172"/>
        <source>Automatic &amp;publishing:</source>
        <translation>P&amp;ublication automatique :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="110"/>
        <source>These settings are unavailable: {reason}.</source>
        <translation>Ces réglages ne sont pas disponibles : {reason}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="243"/>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="247"/>
        <source>New hash key</source>
        <translation>Nouvelle clé de hachage</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="248"/>
        <source>Devices configured with the current key will be refused until they are given the new one. Generate a new key?</source>
        <translation>Les appareils configurés avec la clé actuelle seront refusés tant qu&apos;ils n&apos;auront pas reçu la nouvelle. Générer une nouvelle clé ?</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="257"/>
        <source>Hash key copied to the clipboard.</source>
        <translation>Clé de hachage copiée dans le presse-papiers.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="310"/>
        <source>Correct the fields marked in red.</source>
        <translation>Corrigez les champs signalés en rouge.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="322"/>
        <source>Checking with the server and saving…</source>
        <translation>Vérification auprès du serveur et enregistrement…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="339"/>
        <source>Pod did not keep this change.</source>
        <translation>Pod n&apos;a pas conservé cette modification.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/recorder_editor.py" line="346"/>
        <source>Not saved: {error}</source>
        <translation>Non enregistré : {error}</translation>
    </message>
</context>
<context>
    <name>RecorderMode</name>
    <message>
        <location filename="../../recmanager/recorders/mode.py" line="36"/>
        <source>manual claim</source>
        <translation>revendication manuelle</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/mode.py" line="37"/>
        <source>manager notified by e-mail</source>
        <translation>gestionnaire notifié par e-mail</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/mode.py" line="38"/>
        <source>auto-publish</source>
        <translation>publication automatique</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/mode.py" line="39"/>
        <source>unknown (needs a superuser web session)</source>
        <translation>inconnu (nécessite une session web de superutilisateur)</translation>
    </message>
</context>
<context>
    <name>RecordersModel</name>
    <message>
        <location filename="../../recmanager/ui/recorders_table.py" line="35"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_table.py" line="35"/>
        <source>IP address</source>
        <translation>Adresse IP</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_table.py" line="35"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_table.py" line="35"/>
        <source>Manager</source>
        <translation>Gestionnaire</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_table.py" line="36"/>
        <source>Video type</source>
        <translation>Type de vidéo</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_table.py" line="36"/>
        <source>Recording type</source>
        <translation>Type d&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_table.py" line="36"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_table.py" line="37"/>
        <source>Files waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_table.py" line="64"/>
        <source>none (manual claim)</source>
        <translation>aucun (revendication manuelle)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_table.py" line="86"/>
        <source>unavailable</source>
        <translation>indisponible</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_table.py" line="90"/>
        <source>Needs the web session: {reason}</source>
        <translation>Nécessite la session web : {reason}</translation>
    </message>
</context>
<context>
    <name>RecordersWindow</name>
    <message>
        <location filename="../../recmanager/ui/recorders_window.py" line="72"/>
        <source>Recorders — {profile}</source>
        <translation>Enregistreurs — {profile}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_window.py" line="122"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_window.py" line="124"/>
        <source>New recorder…</source>
        <translation>Nouvel enregistreur…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_window.py" line="127"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_window.py" line="129"/>
        <source>Set-up sheet…</source>
        <translation>Fiche de configuration…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_window.py" line="131"/>
        <location filename="../../recmanager/ui/recorders_window.py" line="161"/>
        <source>Recorders</source>
        <translation>Enregistreurs</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_window.py" line="178"/>
        <source>Notify key</source>
        <translation>Clé de notification</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_window.py" line="188"/>
        <source>Sanity checks</source>
        <translation>Vérifications de cohérence</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_window.py" line="257"/>
        <source>Loading the recorders…</source>
        <translation>Chargement des enregistreurs…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_window.py" line="278"/>
        <source>The hash key, folder, manager, video type and mode are unavailable: {reason}. Add a Pod superuser login and password to the profile to see and change them.</source>
        <translation>La clé de hachage, le dossier, le gestionnaire, le type de vidéo et le mode ne sont pas disponibles : {reason}. Ajoutez au profil l&apos;identifiant et le mot de passe d&apos;un superutilisateur de Pod pour les consulter et les modifier.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/ui/recorders_window.py" line="284"/>
        <source>Recorders: %n.</source>
        <translation>
            <numerusform>%n enregistreur.</numerusform>
            <numerusform>%n enregistreurs.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/recorders_window.py" line="290"/>
        <source>Loading failed: {error}</source>
        <translation>Échec du chargement : {error}</translation>
    </message>
</context>
<context>
    <name>RecordingType</name>
    <message>
        <location filename="../../recmanager/recorders/model.py" line="21"/>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/model.py" line="22"/>
        <source>Audiovideocast (video and slides)</source>
        <translation>Audiovideocast (vidéo et diapositives)</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/model.py" line="23"/>
        <source>Studio</source>
        <translation>Studio</translation>
    </message>
</context>
<context>
    <name>RowState</name>
    <message>
        <location filename="../../recmanager/inbox/rows.py" line="46"/>
        <source>uploading</source>
        <translation>dépôt en cours</translation>
    </message>
    <message>
        <location filename="../../recmanager/inbox/rows.py" line="47"/>
        <source>waiting for Pod&apos;s scan</source>
        <translation>attend l&apos;analyse de Pod</translation>
    </message>
    <message>
        <location filename="../../recmanager/inbox/rows.py" line="48"/>
        <source>claimable</source>
        <translation>revendicable</translation>
    </message>
    <message>
        <location filename="../../recmanager/inbox/rows.py" line="49"/>
        <source>manager notified</source>
        <translation>gestionnaire notifié</translation>
    </message>
    <message>
        <location filename="../../recmanager/inbox/rows.py" line="50"/>
        <source>orphan folder</source>
        <translation>dossier orphelin</translation>
    </message>
    <message>
        <location filename="../../recmanager/inbox/rows.py" line="51"/>
        <source>missing on disk</source>
        <translation>absent du disque</translation>
    </message>
</context>
<context>
    <name>SanityPanel</name>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="33"/>
        <source>Folder without a recorder</source>
        <translation>Dossier sans enregistreur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="34"/>
        <source>Recorder folder missing</source>
        <translation>Dossier d&apos;enregistreur manquant</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="35"/>
        <source>Duplicate IP address</source>
        <translation>Adresse IP en double</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="36"/>
        <source>Manual claim not allowed</source>
        <translation>Revendication manuelle non autorisée</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="38"/>
        <source>Treatment without file</source>
        <translation>Traitement sans fichier</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="39"/>
        <source>File never completed</source>
        <translation>Fichier jamais terminé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="42"/>
        <source>Create recorder…</source>
        <translation>Créer l&apos;enregistreur…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="43"/>
        <source>Create folder</source>
        <translation>Créer le dossier</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="44"/>
        <source>Edit recorder…</source>
        <translation>Modifier l&apos;enregistreur…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="45"/>
        <source>Delete row</source>
        <translation>Supprimer la ligne</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="46"/>
        <source>Delete file</source>
        <translation>Supprimer le fichier</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="88"/>
        <source>&amp;Run checks</source>
        <translation>&amp;Lancer les vérifications</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="92"/>
        <source>Checks not run yet.</source>
        <translation>Vérifications pas encore lancées.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="101"/>
        <source>Manual &amp;claiming on this Pod:</source>
        <translation>&amp;Revendication manuelle sur ce Pod :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="105"/>
        <source>Pod&apos;s ALLOW_MANUAL_RECORDING_CLAIMING setting. Pod does not publish it: ask its administrators.</source>
        <translation>Réglage ALLOW_MANUAL_RECORDING_CLAIMING de Pod. Pod ne le publie pas : renseignez-vous auprès de ses administrateurs.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="107"/>
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="107"/>
        <source>allowed</source>
        <translation>autorisée</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="108"/>
        <source>not allowed</source>
        <translation>non autorisée</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="124"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="124"/>
        <source>About</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="133"/>
        <location filename="../../recmanager/ui/sanity_panel.py" line="202"/>
        <source>Fix</source>
        <translation>Correction</translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/ui/sanity_panel.py" line="172"/>
        <source>Problems found: %n.</source>
        <translation>
            <numerusform>%n problème détecté.</numerusform>
            <numerusform>%n problèmes détectés.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="128"/>
        <source>Sanity findings</source>
        <translation>Résultats des vérifications</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="154"/>
        <source>Checking recorders and the deposit…</source>
        <translation>Vérification des enregistreurs et du dépôt…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="171"/>
        <source>No problem found.</source>
        <translation>Aucun problème détecté.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/sanity_panel.py" line="184"/>
        <source>The checks failed: {error}</source>
        <translation>Les vérifications ont échoué : {error}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../recmanager/ui/dialogs/settings.py" line="44"/>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
</context>
<context>
    <name>SetupSheet</name>
    <message>
        <location filename="../../recmanager/ui/setup_sheet.py" line="47"/>
        <source>Printed by recmanager on {date}</source>
        <translation>Imprimé par recmanager le {date}</translation>
    </message>
</context>
<context>
    <name>SetupSheetDialog</name>
    <message>
        <location filename="../../recmanager/ui/setup_sheet.py" line="79"/>
        <source>Set-up sheet — {name}</source>
        <translation>Fiche de configuration — {name}</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/setup_sheet.py" line="82"/>
        <source>Device &amp;login:</source>
        <translation>&amp;Identifiant de l&apos;appareil :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/setup_sheet.py" line="85"/>
        <source>The deposit account the device uses; its password is never printed.</source>
        <translation>Le compte de dépôt utilisé par l&apos;appareil ; son mot de passe n&apos;est jamais imprimé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/setup_sheet.py" line="96"/>
        <source>&amp;Print…</source>
        <translation>Im&amp;primer…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/setup_sheet.py" line="98"/>
        <source>Export &amp;PDF…</source>
        <translation>Exporter en PD&amp;F…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/setup_sheet.py" line="127"/>
        <source>Export the set-up sheet</source>
        <translation>Exporter la fiche de configuration</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/setup_sheet.py" line="128"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="173"/>
        <location filename="../../recmanager/ui/shortcuts.py" line="194"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="177"/>
        <source>Where</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="177"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="177"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="189"/>
        <source>Type to filter…</source>
        <translation>Tapez pour filtrer…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="190"/>
        <source>Filter shortcuts</source>
        <translation>Filtrer les raccourcis</translation>
    </message>
</context>
<context>
    <name>_TestPage</name>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="342"/>
        <source>Test and save</source>
        <translation>Tester et enregistrer</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="347"/>
        <source>Connection test results</source>
        <translation>Résultats du test de connexion</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="352"/>
        <source>Test again</source>
        <translation>Tester à nouveau</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="368"/>
        <source>Testing the connection…</source>
        <translation>Test de la connexion…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="377"/>
        <source>Everything works. Save the profile to start.</source>
        <translation>Tout fonctionne. Enregistrez le profil pour commencer.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/first_run.py" line="380"/>
        <source>Something needs fixing: go Back to change a value and test again, or save the profile now and fix it later in File › Connection profiles.</source>
        <translation>Un point est à corriger : revenez en arrière (Précédent) pour modifier une valeur et tester à nouveau, ou enregistrez le profil maintenant et corrigez-le plus tard dans Fichier › Profils de connexion.</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="68"/>
        <source>{file} is claimed for {owner} (recording {id}).</source>
        <translation>{file} est revendiqué pour {owner} (enregistrement {id}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="63"/>
        <source>{file} was already claimed for {owner} (recording {id}); nothing was sent again.</source>
        <translation>{file} était déjà revendiqué pour {owner} (enregistrement {id}) ; rien n&apos;a été renvoyé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="54"/>
        <source>{file} was already claimed: Pod holds recording {id} for {holder} and video {video} for {owner}; nothing was sent again.</source>
        <translation>{file} était déjà revendiqué : Pod détient l&apos;enregistrement {id} pour {holder} et la vidéo {video} pour {owner} ; rien n&apos;a été renvoyé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="57"/>
        <source>{file} is claimed: Pod holds recording {id} for {holder} and video {video} for {owner}.</source>
        <translation>{file} est revendiqué : Pod détient l&apos;enregistrement {id} pour {holder} et la vidéo {video} pour {owner}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reassign.py" line="36"/>
        <source>Video {id} now belongs to {owner}.</source>
        <translation>La vidéo {id} appartient désormais à {owner}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reassign.py" line="40"/>
        <source>Its files stay in {old}&apos;s folder on the server (only a superuser web session can move them).</source>
        <translation>Ses fichiers restent dans le dossier de {old} sur le serveur (seule une session web de superutilisateur peut les déplacer).</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/delete.py" line="35"/>
        <source>{file} was moved to the quarantine ({where}).</source>
        <translation>{file} a été placé en quarantaine ({where}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/delete.py" line="38"/>
        <source>{file} was deleted.</source>
        <translation>{file} a été supprimé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/permissions.py" line="50"/>
        <source>Needs a superuser&apos;s web login in the profile (Pod allows this to superusers only).</source>
        <translation>Nécessite la connexion web d&apos;un superutilisateur dans le profil (Pod ne l&apos;autorise qu&apos;aux superutilisateurs).</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/permissions.py" line="57"/>
        <source>The web session could not be opened: {error}</source>
        <translation>Impossible d&apos;ouvrir la session web : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/permissions.py" line="59"/>
        <source>{user} is not a superuser on Pod (Pod allows this to superusers only).</source>
        <translation>{user} n&apos;est pas superutilisateur sur Pod (Pod ne l&apos;autorise qu&apos;aux superutilisateurs).</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/base.py" line="121"/>
        <source>There is no Pod user &quot;{who}&quot;.</source>
        <translation>Il n&apos;existe pas d&apos;utilisateur Pod « {who} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/base.py" line="122"/>
        <source>Unknown username or e-mail.</source>
        <translation>Identifiant ou adresse e-mail inconnu.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="148"/>
        <source>Checking {file} on Pod…</source>
        <translation>Vérification de {file} sur Pod…</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="152"/>
        <source>A title is required to claim a recording.</source>
        <translation>Un titre est obligatoire pour revendiquer un enregistrement.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="153"/>
        <source>This field is required.</source>
        <translation>Ce champ est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="185"/>
        <source>{user} is not staff, and Pod gives claimed recordings to staff accounts only. It can be claimed for a staff account and then reassigned, but this profile names no staff web login to claim with.</source>
        <translation>{user} n&apos;est pas « staff », et Pod n&apos;attribue les enregistrements revendiqués qu&apos;aux comptes « staff ». L&apos;enregistrement peut être revendiqué pour un compte « staff » puis réattribué, mais ce profil n&apos;indique aucune connexion web « staff » pour le revendiquer.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="191"/>
        <source>Add your Pod username to the profile.</source>
        <translation>Ajoutez votre identifiant Pod au profil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="169"/>
        <source>Claiming {file}…</source>
        <translation>Revendication de {file}…</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="218"/>
        <source>Pod&apos;s unclaimed row could not be removed ({problem}); it is harmless and disappears from the list at the next refresh.</source>
        <translation>La ligne non revendiquée de Pod n&apos;a pas pu être supprimée ({problem}) ; elle est sans conséquence et disparaîtra de la liste à la prochaine actualisation.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/base.py" line="164"/>
        <source>The deposit folder cannot be reached ({error}); nothing was sent to Pod.</source>
        <translation>Le dossier de dépôt est inaccessible ({error}) ; rien n&apos;a été envoyé à Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/base.py" line="166"/>
        <source>Check the deposit settings of the profile, then try again.</source>
        <translation>Vérifiez les réglages du dépôt dans le profil, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="239"/>
        <source>{file} is not in the deposit folder (any more); nothing was sent to Pod.</source>
        <translation>{file} n&apos;est pas (ou plus) dans le dossier de dépôt ; rien n&apos;a été envoyé à Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="242"/>
        <source>Refresh the list.</source>
        <translation>Actualisez la liste.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="246"/>
        <source>{file} is {size} bytes on disk but Pod saw {pod_size}: it is still being written, or changed since Pod&apos;s scan. Nothing was sent to Pod.</source>
        <translation>{file} fait {size} octets sur le disque, mais Pod en a vu {pod_size} : il est encore en cours d&apos;écriture, ou a changé depuis le passage de Pod. Rien n&apos;a été envoyé à Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="252"/>
        <source>Wait for the upload to end and Pod&apos;s next scan.</source>
        <translation>Attendez la fin du dépôt et le prochain passage de Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="264"/>
        <source>Pod has no unclaimed row for {file}: it is not claimable (yet). Pod&apos;s scan may not have seen it, or it was deleted.</source>
        <translation>Pod n&apos;a aucune ligne non revendiquée pour {file} : il n&apos;est pas (encore) revendicable. L&apos;analyse de Pod ne l&apos;a peut-être pas encore vu, ou il a été supprimé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="269"/>
        <source>Refresh the list and try again later.</source>
        <translation>Actualisez la liste et réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="286"/>
        <source>{file} was claimed a moment earlier by someone else: it now belongs to {owner} (recording {id}, &quot;{title}&quot;). Your claim was not sent.</source>
        <translation>{file} vient d&apos;être revendiqué par quelqu&apos;un d&apos;autre : il appartient désormais à {owner} (enregistrement {id}, « {title} »). Votre revendication n&apos;a pas été envoyée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="292"/>
        <source>The list has been refreshed. To change the owner, reassign the video once Pod has created it.</source>
        <translation>La liste a été actualisée. Pour changer le propriétaire, réattribuez la vidéo une fois que Pod l&apos;aura créée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="309"/>
        <source>Done, but not verified: Pod holds recording {id} of {file} for {claimer}; checking what came of it failed: {error}</source>
        <translation>Fait, mais non vérifié : Pod détient l&apos;enregistrement {id} de {file} pour {claimer} ; la vérification de la suite a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="315"/>
        <source>Do not claim it again; look at the owner&apos;s videos in Pod.</source>
        <translation>Ne le revendiquez pas à nouveau ; regardez les vidéos du propriétaire dans Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="326"/>
        <source>Waiting for Pod to take {file}…</source>
        <translation>En attente de la prise en charge de {file} par Pod…</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="351"/>
        <source>Done, but Pod has not taken the file: it holds recording {id} of {file} for {claimer}, and the file is still in the deposit folder after {seconds} s.</source>
        <translation>Fait, mais Pod n&apos;a pas pris le fichier : il détient l&apos;enregistrement {id} de {file} pour {claimer}, et le fichier est toujours dans le dossier de dépôt après {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="371"/>
        <source>Done, but no video yet: Pod holds recording {id} of {file} for {owner}, and no video of it appeared within {seconds} s.</source>
        <translation>Fait, mais pas encore de vidéo : Pod détient l&apos;enregistrement {id} de {file} pour {owner}, et aucune vidéo n&apos;en est apparue en {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reconcile.py" line="85"/>
        <source>The claim of {file} was interrupted before Pod made it (found at this start): nothing changed.</source>
        <translation>La revendication de {file} a été interrompue avant que Pod ne la crée (constaté à ce démarrage) : rien n&apos;a changé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reconcile.py" line="93"/>
        <source>The interrupted claim of {file} did not happen: Pod holds it as recording {id} of {owner} (&quot;{title}&quot;).</source>
        <translation>La revendication interrompue de {file} n&apos;a pas eu lieu : Pod le détient comme enregistrement {id} de {owner} (« {title} »).</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reconcile.py" line="104"/>
        <source>The claim of {file} was found done at this start: recording {id} of {owner}; Pod shows no video of it yet.</source>
        <translation>La revendication de {file} a été trouvée faite à ce démarrage : enregistrement {id} de {owner} ; Pod n&apos;en montre pas encore de vidéo.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reconcile.py" line="110"/>
        <source>The claim of {file} was found done at this start: recording {id}, video {video} of {claimer}; the video was not handed to {owner} yet.</source>
        <translation>La revendication de {file} a été trouvée faite à ce démarrage : enregistrement {id}, vidéo {video} de {claimer} ; la vidéo n&apos;a pas encore été remise à {owner}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reconcile.py" line="114"/>
        <source>The claim of {file} was found done at this start: recording {id}, video {video}.</source>
        <translation>La revendication de {file} a été trouvée faite à ce démarrage : enregistrement {id}, vidéo {video}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reconcile.py" line="126"/>
        <source>The owner change of video {id} was found done at this start: it belongs to {owner}.</source>
        <translation>Le changement de propriétaire de la vidéo {id} a été trouvé fait à ce démarrage : elle appartient à {owner}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reconcile.py" line="130"/>
        <source>The owner change of video {id} was interrupted and did not happen (found at this start): it still belongs to {holder}.</source>
        <translation>Le changement de propriétaire de la vidéo {id} a été interrompu et n&apos;a pas eu lieu (constaté à ce démarrage) : elle appartient toujours à {holder}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reconcile.py" line="141"/>
        <source>The deletion of {file} was interrupted before the file was removed (found at this start): it is still in the deposit folder.</source>
        <translation>La suppression de {file} a été interrompue avant que le fichier ne soit retiré (constaté à ce démarrage) : il est toujours dans le dossier de dépôt.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reconcile.py" line="153"/>
        <source>The move of {file} to the quarantine was found done at this start: it is in {where}, and Undo can put it back.</source>
        <translation>Le déplacement de {file} vers la quarantaine a été trouvé fait à ce démarrage : le fichier est dans {where}, et « Annuler la quarantaine » peut le remettre en place.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reconcile.py" line="157"/>
        <source>The deletion of {file} was found done at this start: the file is gone and Pod no longer lists it.</source>
        <translation>La suppression de {file} a été trouvée faite à ce démarrage : le fichier n&apos;est plus là et Pod ne le liste plus.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reconcile.py" line="168"/>
        <source>The upload of {file} was found done at this start: it is in the deposit folder, whole.</source>
        <translation>Le dépôt de {file} a été trouvé fait à ce démarrage : le fichier est entier dans le dossier de dépôt.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reconcile.py" line="171"/>
        <source>The upload of {file} was interrupted (found at this start): what was sent stays under a hidden name Pod skips, and uploading the file again resumes it.</source>
        <translation>Le dépôt de {file} a été interrompu (constaté à ce démarrage) : ce qui a été envoyé reste sous un nom caché que Pod ignore, et déposer à nouveau le fichier reprend là où il s&apos;est arrêté.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reconcile.py" line="182"/>
        <source>The undo of {file} was found done at this start: it is back in the deposit folder.</source>
        <translation>L&apos;annulation de {file} a été trouvée faite à ce démarrage : le fichier est de retour dans le dossier de dépôt.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reconcile.py" line="185"/>
        <source>The undo of {file} was interrupted before the file was put back (found at this start): it stays in the quarantine ({where}).</source>
        <translation>L&apos;annulation de {file} a été interrompue avant que le fichier ne soit remis en place (constaté à ce démarrage) : il reste en quarantaine ({where}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/root.py" line="26"/>
        <source>Deposit root: {root} (read from Pod: {example}).</source>
        <translation>Racine du dépôt : {root} (lue dans Pod : {example}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/root.py" line="28"/>
        <source>Deposit root: {root} (from the profile).</source>
        <translation>Racine du dépôt : {root} (d&apos;après le profil).</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/root.py" line="48"/>
        <source>The deposit root {given} of the profile contradicts Pod&apos;s data: Pod&apos;s deposited files are under {root} (for example {example}). Nothing was changed.</source>
        <translation>La racine du dépôt {given} du profil contredit les données de Pod : les fichiers déposés de Pod sont sous {root} (par exemple {example}). Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/root.py" line="54"/>
        <source>Correct the deposit root in the profile (or RECMANAGER_DEPOSIT_ROOT), or leave it empty so that Pod&apos;s is used.</source>
        <translation>Corrigez la racine du dépôt dans le profil (ou RECMANAGER_DEPOSIT_ROOT), ou laissez-la vide pour utiliser celle de Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="358"/>
        <source>Pod&apos;s processing may be stopped; ask its administrators. Do not claim it again.</source>
        <translation>Le traitement de Pod est peut-être arrêté ; contactez ses administrateurs. Ne revendiquez pas à nouveau ce fichier.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="329"/>
        <source>Waiting for Pod&apos;s video of {file}…</source>
        <translation>En attente de la vidéo Pod de {file}…</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="377"/>
        <source>Look at the owner&apos;s videos in Pod; do not claim it again.</source>
        <translation>Consultez les vidéos du propriétaire dans Pod ; ne revendiquez pas à nouveau ce fichier.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="394"/>
        <source>Done, but not handed on: Pod holds recording {id} and video {video} of {file} for {claimer}; giving the video to {user} failed: {error}</source>
        <translation>Fait, mais non transmis : Pod détient l&apos;enregistrement {id} et la vidéo {video} de {file} pour {claimer} ; la remise de la vidéo à {user} a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="402"/>
        <source>Reassign video {video} to {user}.</source>
        <translation>Réattribuez la vidéo {video} à {user}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="407"/>
        <source>{user} is not staff, so it was claimed for {claimer} and the video was then reassigned to {user}.</source>
        <translation>{user} n&apos;étant pas « staff », l&apos;enregistrement a été revendiqué pour {claimer}, puis la vidéo a été réattribuée à {user}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/claim.py" line="336"/>
        <source>Claimed {file}.</source>
        <translation>{file} revendiqué.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reassign.py" line="65"/>
        <source>Pod has no video {id}.</source>
        <translation>Pod n&apos;a pas de vidéo {id}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reassign.py" line="66"/>
        <source>Check the number in Pod&apos;s video page.</source>
        <translation>Vérifiez le numéro sur la page de la vidéo dans Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reassign.py" line="71"/>
        <source>Video {id} already belongs to {owner}.</source>
        <translation>La vidéo {id} appartient déjà à {owner}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reassign.py" line="103"/>
        <source>The owner change of video {id} got no answer ({error}); Pod, asked afterwards, says it still belongs to {owner}: nothing changed.</source>
        <translation>Le changement de propriétaire de la vidéo {id} est resté sans réponse ({error}) ; interrogé ensuite, Pod indique qu&apos;elle appartient toujours à {owner} : rien n&apos;a changé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reassign.py" line="109"/>
        <source>Try again once the connection is steady.</source>
        <translation>Réessayez une fois la connexion stable.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reassign.py" line="115"/>
        <source>Pod did not change the owner of video {id}: it still belongs to {owner}.</source>
        <translation>Pod n&apos;a pas changé le propriétaire de la vidéo {id} : elle appartient toujours à {owner}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reassign.py" line="128"/>
        <source>The owner change of video {id} may or may not have been applied ({cause}), and Pod could not be asked afterwards ({error}).</source>
        <translation>Le changement de propriétaire de la vidéo {id} a peut-être été appliqué, peut-être pas ({cause}), et Pod n&apos;a pas pu être interrogé ensuite ({error}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/reassign.py" line="133"/>
        <source>Look at the video&apos;s owner in Pod before trying again.</source>
        <translation>Vérifiez le propriétaire de la vidéo dans Pod avant de réessayer.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/base.py" line="173"/>
        <source>Only Pod superusers may delete recordings.</source>
        <translation>Seuls les superutilisateurs de Pod peuvent supprimer des enregistrements.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/base.py" line="174"/>
        <source>Add a superuser&apos;s web login to the profile, or ask a Pod administrator.</source>
        <translation>Ajoutez la connexion web d&apos;un superutilisateur au profil, ou adressez-vous à un administrateur de Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/base.py" line="182"/>
        <source>The deposit folder is not connected: the file cannot be removed, and removing only Pod&apos;s row would let Pod&apos;s scan bring it back.</source>
        <translation>Le dossier de dépôt n&apos;est pas connecté : le fichier ne peut pas être supprimé, et ne supprimer que la ligne de Pod le laisserait réapparaître à la prochaine analyse de Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/base.py" line="185"/>
        <source>Check the SFTP settings of the profile.</source>
        <translation>Vérifiez les réglages SFTP du profil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/delete.py" line="74"/>
        <source>{file} is neither in the deposit folder nor in Pod&apos;s list: there is nothing left to delete.</source>
        <translation>{file} n&apos;est ni dans le dossier de dépôt ni dans la liste de Pod : il n&apos;y a plus rien à supprimer.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/delete.py" line="93"/>
        <source>{file} was moved to the quarantine ({where})</source>
        <translation>{file} a été déplacé en quarantaine ({where})</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/delete.py" line="97"/>
        <source>{file} was deleted from the deposit folder</source>
        <translation>{file} a été supprimé du dossier de dépôt</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/delete.py" line="103"/>
        <source>Pod&apos;s row of {file} was removed</source>
        <translation>la ligne de {file} dans Pod a été retirée</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/delete.py" line="106"/>
        <source>{file} is still in the deposit folder.</source>
        <translation>{file} est toujours dans le dossier de dépôt.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/delete.py" line="109"/>
        <source>Pod still lists {file}.</source>
        <translation>{file} figure toujours dans la liste de Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/delete.py" line="115"/>
        <source>Done, but not complete: {done}; then: {error}</source>
        <translation>Fait, mais incomplet : {done} ; ensuite : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/delete.py" line="117"/>
        <source>Delete it again to remove what is left.</source>
        <translation>Supprimez-le de nouveau pour retirer ce qui reste.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/undo.py" line="34"/>
        <source>Done, but not verified: {file} was put back; checking it failed: {error}</source>
        <translation>Fait, mais non vérifié : {file} a été remis en place ; la vérification a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/undo.py" line="40"/>
        <source>{file} did not come back.</source>
        <translation>{file} n&apos;est pas réapparu.</translation>
    </message>
    <message>
        <location filename="../../recmanager/actions/undo.py" line="51"/>
        <source>{file} is back in the deposit folder; Pod lists it again after its next two scans.</source>
        <translation>{file} est de retour dans le dossier de dépôt ; Pod le listera de nouveau après ses deux prochaines analyses.</translation>
    </message>
</context>
<context>
    <name>bento4</name>
    <message>
        <location filename="../../recmanager/packaging/bento4.py" line="104"/>
        <source>Bento4 (mp4info, mp4fragment, mp4encrypt and mp4-dash.py) was not found.</source>
        <translation>Bento4 (mp4info, mp4fragment, mp4encrypt et mp4-dash.py) est introuvable.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/bento4.py" line="108"/>
        <source>Set the Bento4 folder in the connection profile, put Bento4 on the PATH, or choose the FFmpeg backend.</source>
        <translation>Définissez le dossier de Bento4 dans le profil de connexion, ajoutez Bento4 au PATH, ou choisissez le moteur FFmpeg.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/bento4.py" line="149"/>
        <source>mp4info gave unreadable output for {name}.</source>
        <translation>mp4info a produit une sortie illisible pour {name}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/bento4.py" line="155"/>
        <source>{name} has no readable movie (mp4info found no tracks): it is empty, not an MP4, or the recording was interrupted before it was finalised.</source>
        <translation>{name} ne contient aucune vidéo lisible (mp4info n&apos;a trouvé aucune piste) : le fichier est vide, n&apos;est pas un MP4, ou l&apos;enregistrement a été interrompu avant d&apos;être finalisé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/bento4.py" line="220"/>
        <source>fragmenting</source>
        <translation>fragmentation</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/bento4.py" line="225"/>
        <source>mp4fragment did not fragment the file.</source>
        <translation>mp4fragment n&apos;a pas fragmenté le fichier.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/bento4.py" line="228"/>
        <source>encrypting</source>
        <translation>chiffrement</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/bento4.py" line="255"/>
        <source>mp4encrypt did not encrypt track {track}.</source>
        <translation>mp4encrypt n&apos;a pas chiffré la piste {track}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/bento4.py" line="234"/>
        <source>writing DASH</source>
        <translation>écriture du DASH</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/bento4.py" line="274"/>
        <source>mp4dash did not find the video track encrypted with KID {kid}.</source>
        <translation>mp4dash n&apos;a pas trouvé la piste vidéo chiffrée avec le KID {kid}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/bento4.py" line="292"/>
        <source>Track {track} is not encrypted with {scheme} after mp4encrypt.</source>
        <translation>La piste {track} n&apos;est pas chiffrée en {scheme} après mp4encrypt.</translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <location filename="../../recmanager/ui/dialogs/host_key.py" line="20"/>
        <source>Unknown SSH server</source>
        <translation>Serveur SSH inconnu</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/host_key.py" line="22"/>
        <source>The server {host} is not known yet. Its {type} key fingerprint is:</source>
        <translation>Le serveur {host} n&apos;est pas encore connu. L&apos;empreinte de sa clé {type} est :</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/host_key.py" line="29"/>
        <source>Compare it with the fingerprint your server administrator gives you (ssh-keygen -lf on the server&apos;s host key). Connect only if they match.</source>
        <translation>Comparez-la avec l&apos;empreinte fournie par l&apos;administrateur du serveur (ssh-keygen -lf sur la clé d&apos;hôte du serveur). Ne vous connectez que si elles correspondent.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/host_key.py" line="33"/>
        <source>Accept and remember</source>
        <translation>Accepter et mémoriser</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/host_key.py" line="34"/>
        <source>Connect once</source>
        <translation>Se connecter une fois</translation>
    </message>
</context>
<context>
    <name>bulk</name>
    <message>
        <location filename="../../recmanager/bulk/rules.py" line="201"/>
        <source>{source} is not a text file in UTF-8.</source>
        <translation>{source} n&apos;est pas un fichier texte en UTF-8.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/rules.py" line="202"/>
        <source>Save it from the spreadsheet as &quot;CSV UTF-8&quot;.</source>
        <translation>Enregistrez-le depuis le tableur au format « CSV UTF-8 ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/rules.py" line="228"/>
        <source>The rules file {source} is empty.</source>
        <translation>Le fichier de règles {source} est vide.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/rules.py" line="241"/>
        <source>The rules file {source} has no owner column.</source>
        <translation>Le fichier de règles {source} n&apos;a pas de colonne de propriétaire (owner).</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/rules.py" line="243"/>
        <source>The first row must name the columns, for example: recorder;pattern;from;to;slot;owner;title.</source>
        <translation>La première ligne doit nommer les colonnes, par exemple : recorder;pattern;from;to;slot;owner;title.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/rules.py" line="267"/>
        <source>The rules file {path} cannot be read: {error}</source>
        <translation>Le fichier de règles {path} est illisible : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/rules.py" line="275"/>
        <source>No owner is given.</source>
        <translation>Aucun propriétaire n&apos;est indiqué.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/rules.py" line="284"/>
        <source>&quot;{value}&quot; is not a date (write 2026-09-01 or 01/09/2026).</source>
        <translation>« {value} » n&apos;est pas une date (écrivez 2026-09-01 ou 01/09/2026).</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/rules.py" line="289"/>
        <source>The date range ends before it starts.</source>
        <translation>La période se termine avant de commencer.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/rules.py" line="294"/>
        <source>&quot;{value}&quot; is not a timetable slot (write for example &quot;Monday 08:00–10:00, Amphi A&quot; or &quot;lundi 8h-10h&quot;).</source>
        <translation>« {value} » n&apos;est pas un créneau (écrivez par exemple « Monday 08:00–10:00, Amphi A » ou « lundi 8h-10h »).</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/rules.py" line="300"/>
        <source>The rule says nothing about which recordings it takes (give a recorder, a file name pattern, dates or a timetable slot).</source>
        <translation>La règle n&apos;indique pas quels enregistrements elle concerne (indiquez un enregistreur, un motif de nom de fichier, des dates ou un créneau).</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/rules.py" line="304"/>
        <source>The recorder &quot;{recorder}&quot; and the slot&apos;s recorder &quot;{slot}&quot; differ.</source>
        <translation>L&apos;enregistreur « {recorder} » et celui du créneau, « {slot} », sont différents.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/rules.py" line="318"/>
        <source>The title &quot;{title}&quot; has a stray brace: {error}.</source>
        <translation>Le titre « {title} » contient une accolade isolée : {error}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/rules.py" line="322"/>
        <source>The title uses {{{name}}}; only {{recorder}}, {{date:%d/%m/%Y}}, {{start}}, {{filename}} and {{stem}} are known.</source>
        <translation>Le titre utilise {{{name}}} ; seuls {{recorder}}, {{date:%d/%m/%Y}}, {{start}}, {{filename}} et {{stem}} sont reconnus.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/matching.py" line="103"/>
        <source>The file is still being uploaded (or Pod&apos;s scan has not finished it).</source>
        <translation>Le fichier est encore en cours de dépôt (ou l&apos;analyse de Pod ne l&apos;a pas encore traité).</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/matching.py" line="106"/>
        <source>Pod cannot take a claim for it now ({state}).</source>
        <translation>Pod ne peut pas accepter de revendication pour ce fichier pour l&apos;instant ({state}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/matching.py" line="125"/>
        <source>Pod has no user with the login or e-mail &quot;{owner}&quot;.</source>
        <translation>Pod n&apos;a aucun utilisateur ayant l&apos;identifiant ou l&apos;adresse e-mail « {owner} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/matching.py" line="129"/>
        <source>{user} is not staff: Pod only accepts staff owners for a claim. Claim for a staff member, then reassign the video.</source>
        <translation>{user} n&apos;est pas membre du personnel (staff) : Pod n&apos;accepte que des propriétaires « staff » pour une revendication. Revendiquez pour un membre du personnel, puis réattribuez la vidéo.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/matching.py" line="151"/>
        <source>The title has {count} characters; Pod keeps at most {limit}.</source>
        <translation>Le titre compte {count} caractères ; Pod en conserve au plus {limit}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/matching.py" line="199"/>
        <source>Line {line}: {message}</source>
        <translation>Ligne {line} : {message}</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/matching.py" line="215"/>
        <source>Line {line}: Pod has no recorder named &quot;{name}&quot;.</source>
        <translation>Ligne {line} : Pod n&apos;a aucun enregistreur nommé « {name} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/matching.py" line="167"/>
        <source>No rule matches this recording.</source>
        <translation>Aucune règle ne correspond à cet enregistrement.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/matching.py" line="170"/>
        <source>Lines {lines} all match: keep one.</source>
        <translation>Les lignes {lines} correspondent toutes : n&apos;en gardez qu&apos;une.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/matching.py" line="225"/>
        <source>rules</source>
        <translation>règles</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/matching.py" line="251"/>
        <source>inbox selection</source>
        <translation>sélection de la boîte de réception</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/outcomes.py" line="76"/>
        <source>Done earlier, but Pod still lists the file: it will be checked again.</source>
        <translation>Déjà traité, mais Pod liste encore le fichier : il sera vérifié à nouveau.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/outcomes.py" line="104"/>
        <source>Pod no longer lists this file and holds no recording for it: someone deleted it meanwhile.</source>
        <translation>Pod ne liste plus ce fichier et ne détient aucun enregistrement correspondant : quelqu&apos;un l&apos;a supprimé entre-temps.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/outcomes.py" line="112"/>
        <source>Someone else claimed this file first (recording {id}, another owner).</source>
        <translation>Quelqu&apos;un d&apos;autre a revendiqué ce fichier en premier (enregistrement {id}, autre propriétaire).</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/outcomes.py" line="117"/>
        <source>Pod already holds this claim (recording {id}).</source>
        <translation>Pod détient déjà cette revendication (enregistrement {id}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/apply.py" line="60"/>
        <source>The plan has {count} rows with errors ({kinds}); nothing was applied.</source>
        <translation>Le plan comporte {count} lignes en erreur ({kinds}) ; rien n&apos;a été appliqué.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/apply.py" line="64"/>
        <source>Fix the rules, or exclude those rows, then apply again.</source>
        <translation>Corrigez les règles, ou excluez ces lignes, puis appliquez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/apply.py" line="111"/>
        <source>recordings</source>
        <translation>enregistrements</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/apply.py" line="112"/>
        <source>{done} done, {failed} failed, {remaining} remaining</source>
        <translation>{done} terminés, {failed} en échec, {remaining} restants</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/apply.py" line="180"/>
        <source>Pod cannot be reached ({error}); the run stopped. Run the same plan again to go on.</source>
        <translation>Pod est injoignable ({error}) ; l&apos;exécution s&apos;est arrêtée. Relancez le même plan pour continuer.</translation>
    </message>
    <message>
        <location filename="../../recmanager/bulk/report.py" line="36"/>
        <source>{path} cannot be written: {error}</source>
        <translation>Impossible d&apos;écrire {path} : {error}</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../recmanager/commands/actions.py" line="94"/>
        <source>The profile &quot;{name}&quot; has no quarantine folder.</source>
        <translation>Le profil « {name} » n&apos;a pas de dossier de quarantaine.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/actions.py" line="96"/>
        <source>Set one in the profile, or delete without --quarantine.</source>
        <translation>Définissez-en un dans le profil, ou supprimez sans --quarantine.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/actions.py" line="129"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/actions.py" line="129"/>
        <source>Quarantined</source>
        <translation>Mis en quarantaine</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/actions.py" line="130"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/actions.py" line="142"/>
        <source>No quarantined recording of {file} can be put back.</source>
        <translation>Aucun enregistrement en quarantaine ne correspond à {file}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/actions.py" line="144"/>
        <source>No quarantined recording to put back.</source>
        <translation>Aucun enregistrement en quarantaine à remettre en place.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/actions.py" line="145"/>
        <source>`recmanager quarantine list` shows what can be put back; files older than the quarantine period are gone.</source>
        <translation>`recmanager quarantine list` montre ce qui peut être remis en place ; les fichiers plus anciens que la durée de quarantaine ont disparu.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/actions.py" line="183"/>
        <source>{count} audit entries written to {path}.</source>
        <translation>{count} entrées d&apos;audit écrites dans {path}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/common.py" line="62"/>
        <source>give a number from 1 to 16</source>
        <translation>indiquez un nombre de 1 à 16</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/common.py" line="72"/>
        <source>{text} is not an IPv4 or IPv6 address</source>
        <translation>{text} n&apos;est pas une adresse IPv4 ou IPv6</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/bulk.py" line="82"/>
        <source>Some --exclude-file names are not in the plan: {names}</source>
        <translation>Certains noms passés à --exclude-file ne sont pas dans le plan : {names}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/bulk.py" line="91"/>
        <source>line {line}</source>
        <translation>ligne {line}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/bulk.py" line="96"/>
        <source>excluded</source>
        <translation>exclu</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/bulk.py" line="105"/>
        <source>Plan {id}: {summary}</source>
        <translation>Plan {id} : {summary}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/bulk.py" line="108"/>
        <source>Columns ignored: {names}</source>
        <translation>Colonnes ignorées : {names}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/bulk.py" line="130"/>
        <source>Assigning</source>
        <translation>Attribution</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/bulk.py" line="146"/>
        <source>failed: {file}: {message}</source>
        <translation>échec : {file} : {message}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/bulk.py" line="148"/>
        <source>{done} assigned, {failed} failed, {not_run} not run ({seconds:.1f} s). Plan {id}: {summary}</source>
        <translation>{done} attribués, {failed} en échec, {not_run} non exécutés ({seconds:.1f} s). Plan {id} : {summary}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/pod.py" line="129"/>
        <source>Pod has no recorder named &quot;{name}&quot;.</source>
        <translation>Pod n&apos;a aucun enregistreur nommé « {name} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/pod.py" line="130"/>
        <source>`recmanager recorders list` shows their names.</source>
        <translation>`recmanager recorders list` affiche leurs noms.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/pod.py" line="198"/>
        <source>Durations and flags are not shown: {error}</source>
        <translation>Les durées et les signalements ne sont pas affichés : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/pod.py" line="232"/>
        <source>{count} unclaimed recordings are named {name}.</source>
        <translation>{count} enregistrements non revendiqués s&apos;appellent {name}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/pod.py" line="235"/>
        <source>Give the path, e.g. {example}.</source>
        <translation>Indiquez le chemin, p. ex. {example}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/pod.py" line="242"/>
        <source>No unclaimed recording matches {file}.</source>
        <translation>Aucun enregistrement non revendiqué ne correspond à {file}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/pod.py" line="243"/>
        <source>`recmanager unclaimed list` shows them.</source>
        <translation>`recmanager unclaimed list` les affiche.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/recorders.py" line="154"/>
        <source>unavailable: {reason}</source>
        <translation>indisponible : {reason}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/recorders.py" line="172"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/recorders.py" line="173"/>
        <source>Files waiting</source>
        <translation>Fichiers en attente</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/recorders.py" line="177"/>
        <source>Notify key</source>
        <translation>Clé de notification</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/recorders.py" line="178"/>
        <source>Notify URL</source>
        <translation>URL de notification</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/recorders.py" line="207"/>
        <source>Pod has no video type &quot;{value}&quot;.</source>
        <translation>Pod n&apos;a aucun type de vidéo « {value} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/recorders.py" line="208"/>
        <source>Known types: {types}.</source>
        <translation>Types connus : {types}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/recorders.py" line="295"/>
        <source>Hash key: {key}</source>
        <translation>Clé de hachage : {key}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/recorders.py" line="325"/>
        <source>not checked: {what}</source>
        <translation>non vérifié : {what}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/recorders.py" line="328"/>
        <source>No problem found by the checks that ran; {count} could not run (see above).</source>
        <translation>Aucun problème trouvé par les vérifications faites ; {count} n&apos;ont pas pu être faites (voir ci-dessus).</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/recorders.py" line="332"/>
        <source>No problem found.</source>
        <translation>Aucun problème détecté.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/recorders.py" line="348"/>
        <source>Not called: add --yes to call it for real (Pod will e-mail the manager or publish the video).</source>
        <translation>URL non appelée : ajoutez --yes pour l&apos;appeler réellement (Pod enverra un e-mail au gestionnaire ou publiera la vidéo).</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/profiles.py" line="45"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/profiles.py" line="45"/>
        <source>Pod address</source>
        <translation>Adresse de Pod</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/profiles.py" line="46"/>
        <source>Deposit</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/profiles.py" line="55"/>
        <source>The profile &quot;{name}&quot; and its secrets are deleted.</source>
        <translation>Le profil « {name} » et ses secrets sont supprimés.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/settings.py" line="58"/>
        <source>Setting</source>
        <translation>Réglage</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/settings.py" line="58"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/settings.py" line="59"/>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/settings.py" line="59"/>
        <source>Meaning</source>
        <translation>Signification</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <location filename="../../recmanager/config.py" line="89"/>
        <source>The settings file {path} cannot be read: {error}</source>
        <translation>Le fichier de réglages {path} est illisible : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="92"/>
        <source>Fix or remove the file, then start recmanager again.</source>
        <translation>Corrigez ou supprimez ce fichier, puis relancez recmanager.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="117"/>
        <source>the port must be a number from 1 to 65535</source>
        <translation>le port doit être un nombre de 1 à 65535</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="122"/>
        <source>the brackets around the IPv6 address do not match</source>
        <translation>les crochets autour de l&apos;adresse IPv6 ne se correspondent pas</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="126"/>
        <source>&quot;{address}&quot; is not a valid address: {reason}.</source>
        <translation>« {address} » n&apos;est pas une adresse valide : {reason}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="128"/>
        <source>An IPv6 address goes in brackets, the port after them: https://[2001:db8::1]:8443/ or sftp://user@[2001:db8::1]:2222/path.</source>
        <translation>Une adresse IPv6 s&apos;écrit entre crochets, suivie du port : https://[2001:db8::1]:8443/ ou sftp://utilisateur@[2001:db8::1]:2222/chemin.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="142"/>
        <source>The Pod address {url} uses http://: the token and the passwords would travel unencrypted.</source>
        <translation>L&apos;adresse Pod {url} utilise http:// : le jeton et les mots de passe circuleraient sans chiffrement.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="144"/>
        <source>Use https://, or allow plain HTTP in the profile (RECMANAGER_POD_ALLOW_HTTP=1 from the command line).</source>
        <translation>Utilisez https://, ou autorisez le HTTP non chiffré dans le profil (RECMANAGER_POD_ALLOW_HTTP=1 en ligne de commande).</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="161"/>
        <source>Warning: {url} is plain HTTP; the token and the passwords travel unencrypted.</source>
        <translation>Attention : {url} est en HTTP non chiffré ; le jeton et les mots de passe circulent sans chiffrement.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="221"/>
        <source>A name is required.</source>
        <translation>Un nom est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="229"/>
        <source>The Pod address must start with https:// (or http://).</source>
        <translation>L&apos;adresse de Pod doit commencer par https:// (ou http://).</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="236"/>
        <source>The SFTP host is required.</source>
        <translation>L&apos;hôte SFTP est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="240"/>
        <source>The SFTP port must be between 1 and 65535.</source>
        <translation>Le port SFTP doit être compris entre 1 et 65535.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="244"/>
        <source>The local deposit folder is required.</source>
        <translation>Le dossier de dépôt local est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="248"/>
        <source>The deposit root is an absolute path on the Pod server.</source>
        <translation>La racine du dépôt est un chemin absolu sur le serveur Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="258"/>
        <source>The profile &quot;{name}&quot; is not complete.</source>
        <translation>Le profil « {name} » est incomplet.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="289"/>
        <source>The quarantine folder is an absolute path.</source>
        <translation>Le dossier de quarantaine est un chemin absolu.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="295"/>
        <source>The quarantine folder must be outside the deposit folder {root}: Pod&apos;s cron would treat what it holds as new recordings.</source>
        <translation>Le dossier de quarantaine doit être hors du dossier de dépôt {root} : le cron de Pod traiterait son contenu comme de nouveaux enregistrements.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="300"/>
        <source>The quarantine folder must be on the same disk as the mounted deposit folder: recordings are moved there, not copied.</source>
        <translation>Le dossier de quarantaine doit être sur le même disque que le dossier de dépôt monté : les enregistrements y sont déplacés, pas copiés.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="311"/>
        <source>Packaging runs &quot;here&quot; or on the &quot;queue&quot;.</source>
        <translation>L&apos;empaquetage s&apos;exécute « here » (ici) ou sur la « queue » (file d&apos;attente).</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="319"/>
        <source>The broker&apos;s address is required to package on the queue.</source>
        <translation>L&apos;adresse du broker est obligatoire pour empaqueter dans la file d&apos;attente.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="331"/>
        <source>The workers&apos; public key is required to package on the queue: `recmanager worker-key` prints it on the server.</source>
        <translation>La clé publique des workers est obligatoire pour empaqueter dans la file d&apos;attente : `recmanager worker-key` l&apos;affiche sur le serveur.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="372"/>
        <source>The profiles file {path} is not valid.</source>
        <translation>Le fichier de profils {path} n&apos;est pas valide.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="389"/>
        <source>There is no profile named &quot;{name}&quot;.</source>
        <translation>Il n&apos;existe aucun profil nommé « {name} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="390"/>
        <source>Create it in the profile dialog, or check the name.</source>
        <translation>Créez-le dans la fenêtre des profils, ou vérifiez le nom.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="599"/>
        <source>Remove the settings file to start from the defaults.</source>
        <translation>Supprimez le fichier de réglages pour repartir des valeurs par défaut.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="589"/>
        <source>The settings file {path} is not valid.</source>
        <translation>Le fichier de réglages {path} n&apos;est pas valide.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="536"/>
        <source>There is no setting named &quot;{key}&quot;.</source>
        <translation>Il n&apos;existe aucun réglage nommé « {key} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="537"/>
        <source>`recmanager settings list` shows them.</source>
        <translation>`recmanager settings list` les affiche.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="545"/>
        <source>Give an address starting with https:// or http://, or nothing.</source>
        <translation>Indiquez une adresse commençant par https:// ou http://, ou laissez vide.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="555"/>
        <source>Give yes or no for &quot;{key}&quot;.</source>
        <translation>Indiquez yes ou no pour « {key} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="566"/>
        <source>Give a whole number from {minimum} to {maximum} for &quot;{key}&quot;.</source>
        <translation>Indiquez un nombre entier de {minimum} à {maximum} pour « {key} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="596"/>
        <source>The settings file {path} has no valid version.</source>
        <translation>Le fichier de réglages {path} n&apos;a pas de version valide.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="603"/>
        <source>The settings file was written by a newer recmanager.</source>
        <translation>Le fichier de réglages a été écrit par une version plus récente de recmanager.</translation>
    </message>
</context>
<context>
    <name>connection</name>
    <message>
        <location filename="../../recmanager/connection.py" line="54"/>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="58"/>
        <source>The name {host} cannot be resolved ({error}). Check the Pod address.</source>
        <translation>Le nom {host} ne peut pas être résolu ({error}). Vérifiez l&apos;adresse de Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="37"/>
        <source>Not checked: {reason}</source>
        <translation>Non vérifié : {reason}</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="62"/>
        <source>{host} is an address: there is no name to look up.</source>
        <translation>{host} est une adresse : il n&apos;y a pas de nom à résoudre.</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="66"/>
        <source>{host} resolves to {address}.</source>
        <translation>{host} correspond à l&apos;adresse {address}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="69"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="73"/>
        <source>Port {port} of {host} does not answer ({error}).</source>
        <translation>Le port {port} de {host} ne répond pas ({error}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="77"/>
        <source>Port {port} answers.</source>
        <translation>Le port {port} répond.</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="81"/>
        <source>The address uses http://: the token travels unencrypted.</source>
        <translation>L&apos;adresse utilise http:// : le jeton circule sans chiffrement.</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="91"/>
        <source>Certificate verified ({version}).</source>
        <translation>Certificat vérifié ({version}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="92"/>
        <source>Verification is turned OFF for this profile.</source>
        <translation>La vérification est DÉSACTIVÉE pour ce profil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="96"/>
        <source>The certificate is not trusted: {reason}. Give the CA bundle of your university in the profile.</source>
        <translation>Le certificat n&apos;est pas reconnu : {reason}. Indiquez dans le profil le fichier d&apos;autorités de certification de votre université.</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="100"/>
        <source>The TLS handshake failed: {error}</source>
        <translation>La négociation TLS a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="109"/>
        <source>Deposit root</source>
        <translation>Racine du dépôt</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="118"/>
        <source>{given} contradicts Pod&apos;s data: Pod&apos;s deposited files are under {root} (for example {example}).</source>
        <translation>{given} contredit les données de Pod : les fichiers déposés de Pod sont sous {root} (par exemple {example}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="122"/>
        <source>Pod&apos;s deposit root is {root} (read from {example}).</source>
        <translation>La racine du dépôt de Pod est {root} (lue dans {example}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="139"/>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="140"/>
        <source>Web login</source>
        <translation>Connexion web</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="144"/>
        <source>the server cannot be reached ({part}).</source>
        <translation>le serveur est injoignable ({part}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="148"/>
        <source>the connection is not verified (TLS), and the token and the password are sent over a verified one only.</source>
        <translation>la connexion n&apos;est pas vérifiée (TLS), et le jeton et le mot de passe ne sont envoyés que sur une connexion vérifiée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="171"/>
        <source>Deposit</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="191"/>
        <source>Packaging queue</source>
        <translation>File d&apos;attente d&apos;empaquetage</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="206"/>
        <source>{user} can log in.</source>
        <translation>{user} peut se connecter.</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="211"/>
        <source>Quarantine</source>
        <translation>Quarantaine</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="216"/>
        <source>Deleted recordings can be moved to {folder} and back.</source>
        <translation>Les enregistrements supprimés peuvent être déplacés vers {folder} et en revenir.</translation>
    </message>
</context>
<context>
    <name>context</name>
    <message>
        <location filename="../../recmanager/context.py" line="98"/>
        <source>No connection profile is set up.</source>
        <translation>Aucun profil de connexion n&apos;est configuré.</translation>
    </message>
    <message>
        <location filename="../../recmanager/context.py" line="99"/>
        <source>Create one in the application, pass --profile NAME, or set RECMANAGER_POD_URL and RECMANAGER_POD_TOKEN.</source>
        <translation>Créez-en un dans l&apos;application, passez --profile NOM, ou définissez RECMANAGER_POD_URL et RECMANAGER_POD_TOKEN.</translation>
    </message>
    <message>
        <location filename="../../recmanager/context.py" line="119"/>
        <source>Check {variables}: this run&apos;s settings come from environment variables, not from a saved profile.</source>
        <translation>Vérifiez {variables} : les réglages de cette exécution viennent de variables d&apos;environnement, pas d&apos;un profil enregistré.</translation>
    </message>
    <message>
        <location filename="../../recmanager/context.py" line="121"/>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <location filename="../../recmanager/context.py" line="138"/>
        <source>RECMANAGER_POD_URL is set but RECMANAGER_POD_TOKEN is not.</source>
        <translation>RECMANAGER_POD_URL est défini mais pas RECMANAGER_POD_TOKEN.</translation>
    </message>
</context>
<context>
    <name>deposit</name>
    <message>
        <location filename="../../recmanager/commands/deposit.py" line="112"/>
        <source>The SSH server {host} is not known yet.
Its {type} key fingerprint is {fingerprint}.
Accept and remember it (yes), connect once (once), or cancel (no)? </source>
        <translation>Le serveur SSH {host} n&apos;est pas encore connu.
L&apos;empreinte de sa clé {type} est {fingerprint}.
L&apos;accepter et la mémoriser (yes), se connecter une seule fois (once) ou annuler (no) ? </translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/deposit.py" line="171"/>
        <source>refused: {folder}/{name}: {reason}</source>
        <translation>refusé : {folder}/{name} : {reason}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/deposit.py" line="174"/>
        <source>not listed: {folder}: {error}</source>
        <translation>non listé : {folder} : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/deposit.py" line="194"/>
        <source>{files} files in {folders} folders: {complete} complete, {uploading} uploading, {new} new, {gone} gone.</source>
        <translation>{files} fichiers dans {folders} dossiers : {complete} complets, {uploading} en cours de dépôt, {new} nouveaux, {gone} disparus.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/deposit.py" line="210"/>
        <source>Inspected: {new} new, {known} known already, {failed} not readable.</source>
        <translation>Examen — nouveaux : {new}, déjà connus : {known}, illisibles : {failed}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/deposit.py" line="214"/>
        <source>not inspected: {path}: {error}</source>
        <translation>non examiné : {path} : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/deposit.py" line="222"/>
        <source>download</source>
        <translation>téléchargement</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/deposit.py" line="244"/>
        <source>upload</source>
        <translation>téléversement</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/__init__.py" line="52"/>
        <source>The profile &quot;{name}&quot; has no deposit folder.</source>
        <translation>Le profil « {name} » n&apos;a pas de dossier de dépôt.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/__init__.py" line="54"/>
        <source>Set the mounted deposit folder in the profile.</source>
        <translation>Indiquez le dossier de dépôt monté dans le profil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/__init__.py" line="61"/>
        <source>The profile &quot;{name}&quot; has no SFTP server.</source>
        <translation>Le profil « {name} » n&apos;a pas de serveur SFTP.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/__init__.py" line="63"/>
        <source>Set the SFTP host in the profile, or a mounted folder.</source>
        <translation>Indiquez l&apos;hôte SFTP dans le profil, ou un dossier monté.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/__init__.py" line="80"/>
        <source>The deposit address is empty.</source>
        <translation>L&apos;adresse de dépôt est vide.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/__init__.py" line="85"/>
        <source>A password in the deposit address is not accepted.</source>
        <translation>Un mot de passe dans l&apos;adresse de dépôt n&apos;est pas accepté.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/__init__.py" line="86"/>
        <source>Use a key or ssh-agent, or store the password in a profile.</source>
        <translation>Utilisez une clé ou ssh-agent, ou enregistrez le mot de passe dans un profil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/__init__.py" line="89"/>
        <source>The deposit address {spec} has no host.</source>
        <translation>L&apos;adresse de dépôt {spec} n&apos;a pas d&apos;hôte.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/__init__.py" line="94"/>
        <source>The path in {spec} must be absolute.</source>
        <translation>Le chemin indiqué dans {spec} doit être absolu.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/__init__.py" line="106"/>
        <source>Unknown authentication &quot;{auth}&quot;: use key, agent or password.</source>
        <translation>Authentification « {auth} » inconnue : utilisez key, agent ou password.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/__init__.py" line="113"/>
        <source>The deposit {spec} is neither sftp://… nor a folder.</source>
        <translation>Le dépôt {spec} n&apos;est ni une adresse sftp://… ni un dossier.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/names.py" line="28"/>
        <source>a relative name (&quot;.&quot; or &quot;..&quot;)</source>
        <translation>un nom relatif (« . » ou « .. »)</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/names.py" line="30"/>
        <source>a slash inside the name</source>
        <translation>une barre oblique dans le nom</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/names.py" line="32"/>
        <source>a control character in the name</source>
        <translation>un caractère de contrôle dans le nom</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/names.py" line="34"/>
        <source>a name that is not valid UTF-8</source>
        <translation>un nom qui n&apos;est pas en UTF-8 valide</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/names.py" line="43"/>
        <source>the name is {size} bytes long; the folder takes at most {limit}</source>
        <translation>le nom fait {size} octets ; le dossier en accepte au plus {limit}</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/names.py" line="68"/>
        <source>The path {path} was refused: {reason}.</source>
        <translation>Le chemin {path} a été refusé : {reason}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/names.py" line="71"/>
        <source>Only files inside the deposit folder can be used.</source>
        <translation>Seuls les fichiers situés dans le dossier de dépôt peuvent être utilisés.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/names.py" line="89"/>
        <source>an empty path</source>
        <translation>un chemin vide</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/names.py" line="91"/>
        <source>a control character</source>
        <translation>un caractère de contrôle</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/names.py" line="93"/>
        <source>not an absolute path</source>
        <translation>pas un chemin absolu</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/names.py" line="96"/>
        <source>&quot;..&quot;, &quot;.&quot; or an empty component</source>
        <translation>« .. », « . » ou un composant vide</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/names.py" line="98"/>
        <source>outside the deposit folder {root}</source>
        <translation>en dehors du dossier de dépôt {root}</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="127"/>
        <source>The deposit root must be an absolute path, not {root}.</source>
        <translation>La racine du dépôt doit être un chemin absolu, et non {root}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="228"/>
        <source>{path} is not in the deposit folder (any more).</source>
        <translation>{path} n&apos;est pas (ou plus) dans le dossier de dépôt.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="232"/>
        <source>a symbolic link</source>
        <translation>un lien symbolique</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="235"/>
        <location filename="../../recmanager/deposit/base.py" line="447"/>
        <location filename="../../recmanager/deposit/transfer.py" line="178"/>
        <source>it leads outside the deposit folder</source>
        <translation>il mène en dehors du dossier de dépôt</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="239"/>
        <location filename="../../recmanager/deposit/base.py" line="242"/>
        <source>not a regular file</source>
        <translation>pas un fichier ordinaire</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="264"/>
        <location filename="../../recmanager/deposit/base.py" line="281"/>
        <source>a symbolic link, not followed</source>
        <translation>un lien symbolique, non suivi</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="341"/>
        <source>Nothing was transferred: run it again to start from the beginning.</source>
        <translation>Rien n&apos;a été transféré : relancez l&apos;opération pour repartir du début.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="344"/>
        <source>{what}: stopped after {tries} attempts without progress ({error}).</source>
        <translation>{what} : arrêt après {tries} tentatives sans progrès ({error}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="338"/>
        <source>The {done} already transferred are kept: run it again to resume.</source>
        <translation>Les {done} déjà transférés sont conservés : relancez l&apos;opération pour reprendre.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="231"/>
        <source>{name} cannot be saved in {folder}: {reason}.</source>
        <translation>{name} ne peut pas être enregistré dans {folder} : {reason}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="234"/>
        <source>Give a shorter destination file name.</source>
        <translation>Donnez un nom de fichier de destination plus court.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="239"/>
        <source>Choose another name, or pass --overwrite to replace it.</source>
        <translation>Choisissez un autre nom, ou ajoutez --overwrite pour le remplacer.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="262"/>
        <source>{folder} has {free} free; {name} needs {needed}.</source>
        <translation>{folder} dispose de {free} d&apos;espace libre ; {name} nécessite {needed}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="265"/>
        <source>Free some space or choose another folder.</source>
        <translation>Libérez de l&apos;espace ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="69"/>
        <source>Downloading {name}</source>
        <translation>Téléchargement de {name}</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="80"/>
        <source>The download of {name} is incomplete; it will resume next time.</source>
        <translation>Le téléchargement de {name} est incomplet ; il reprendra la prochaine fois.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="87"/>
        <source>{name} changed on the server during the download.</source>
        <translation>{name} a été modifié sur le serveur pendant le téléchargement.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="89"/>
        <source>It is probably still uploading; try again later.</source>
        <translation>Son dépôt est probablement encore en cours ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="275"/>
        <source>{path} cannot be read: {error}</source>
        <translation>Impossible de lire {path} : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="278"/>
        <source>{path} is not a file.</source>
        <translation>{path} n&apos;est pas un fichier.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="167"/>
        <source>{name} cannot be deposited: {reason}.</source>
        <translation>{name} ne peut pas être déposé : {reason}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="169"/>
        <source>Give the file a shorter name (--name).</source>
        <translation>Donnez au fichier un nom plus court (--name).</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="173"/>
        <source>There is no recorder folder &quot;{folder}&quot; in {root}.</source>
        <translation>Il n&apos;y a pas de dossier d&apos;enregistreur « {folder} » dans {root}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="175"/>
        <source>Check the recorder&apos;s deposit directory in Pod.</source>
        <translation>Vérifiez le répertoire de dépôt de l&apos;enregistreur dans Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="182"/>
        <location filename="../../recmanager/deposit/transfer.py" line="237"/>
        <source>{path} already exists; it was not replaced.</source>
        <translation>{path} existe déjà ; il n&apos;a pas été remplacé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="184"/>
        <source>Give the file another name.</source>
        <translation>Donnez un autre nom au fichier.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="143"/>
        <source>Uploading {name}</source>
        <translation>Téléversement de {name}</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="151"/>
        <source>The upload of {name} is incomplete ({done} of {total}); it was not renamed and will resume next time.</source>
        <translation>Le téléversement de {name} est incomplet ({done} sur {total}) ; il n&apos;a pas été renommé et reprendra la prochaine fois.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="510"/>
        <source>No quarantine folder is set for this profile.</source>
        <translation>Aucun dossier de quarantaine n&apos;est défini pour ce profil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="511"/>
        <source>Set one in the profile, or delete without Undo.</source>
        <translation>Définissez-en un dans le profil, ou supprimez sans possibilité d&apos;annulation.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="425"/>
        <source>Files cannot be moved from the deposit folder to the quarantine folder {folder}: {error}</source>
        <translation>Les fichiers ne peuvent pas être déplacés du dossier de dépôt vers le dossier de quarantaine {folder} : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="428"/>
        <source>Choose a quarantine folder on the same disk as the deposit folder, where this account may write.</source>
        <translation>Choisissez un dossier de quarantaine sur le même disque que le dossier de dépôt, où ce compte peut écrire.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="443"/>
        <source>The folder {folder} no longer exists; the file stays in {where}.</source>
        <translation>Le dossier {folder} n&apos;existe plus ; le fichier reste dans {where}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="455"/>
        <source>{path} exists again; the quarantined copy stays in {where}.</source>
        <translation>{path} existe de nouveau ; la copie en quarantaine reste dans {where}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="459"/>
        <source>The quarantined copy {where} is gone; it cannot be restored.</source>
        <translation>La copie en quarantaine {where} a disparu ; elle ne peut pas être restaurée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/base.py" line="520"/>
        <source>the quarantine folder must be outside the deposit folder</source>
        <translation>le dossier de quarantaine doit être en dehors du dossier de dépôt</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/transfer.py" line="307"/>
        <source>Writing {path} failed: {error}</source>
        <translation>Échec de l&apos;écriture de {path} : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/local.py" line="36"/>
        <source>The deposit folder {folder} does not exist or is not mounted.</source>
        <translation>Le dossier de dépôt {folder} n&apos;existe pas ou n&apos;est pas monté.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/local.py" line="38"/>
        <source>Mount it, or correct the folder in the profile.</source>
        <translation>Montez-le, ou corrigez le dossier dans le profil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/local.py" line="60"/>
        <location filename="../../recmanager/deposit/sftp.py" line="352"/>
        <source>{action} {path} failed: {error}</source>
        <translation>{action} de {path} impossible : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/local.py" line="68"/>
        <location filename="../../recmanager/deposit/sftp.py" line="368"/>
        <source>Listing</source>
        <translation>Listage</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/local.py" line="76"/>
        <location filename="../../recmanager/deposit/local.py" line="99"/>
        <location filename="../../recmanager/deposit/sftp.py" line="394"/>
        <location filename="../../recmanager/deposit/sftp.py" line="439"/>
        <location filename="../../recmanager/deposit/sftp_reader.py" line="218"/>
        <location filename="../../recmanager/deposit/sftp_reader.py" line="223"/>
        <source>Reading</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/local.py" line="93"/>
        <source>{path} became shorter while it was read.</source>
        <translation>La taille de {path} a diminué pendant sa lecture.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/local.py" line="112"/>
        <location filename="../../recmanager/deposit/sftp.py" line="462"/>
        <source>Writing</source>
        <translation>Écriture</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/local.py" line="117"/>
        <location filename="../../recmanager/deposit/sftp.py" line="501"/>
        <source>{path} already exists.</source>
        <translation>{path} existe déjà.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/local.py" line="122"/>
        <location filename="../../recmanager/deposit/sftp.py" line="507"/>
        <source>Moving</source>
        <translation>Déplacement</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/local.py" line="128"/>
        <location filename="../../recmanager/deposit/local.py" line="140"/>
        <location filename="../../recmanager/deposit/sftp.py" line="514"/>
        <location filename="../../recmanager/deposit/sftp.py" line="536"/>
        <source>Deleting</source>
        <translation>Suppression</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/local.py" line="134"/>
        <location filename="../../recmanager/deposit/sftp.py" line="526"/>
        <source>Creating</source>
        <translation>Création</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="70"/>
        <source>The SSH server {host} is not known yet. Its {type} key fingerprint is {fingerprint}.</source>
        <translation>Le serveur SSH {host} n&apos;est pas encore connu. L&apos;empreinte de sa clé {type} est {fingerprint}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="84"/>
        <source>The connection to {host} was cancelled: its key was not accepted.</source>
        <translation>La connexion à {host} a été annulée : sa clé n&apos;a pas été acceptée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_window.py" line="137"/>
        <location filename="../../recmanager/deposit/sftp_window.py" line="156"/>
        <source>The file became shorter while it was read.</source>
        <translation>La taille du fichier a diminué pendant sa lecture.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp.py" line="157"/>
        <source>The deposit connection is closed.</source>
        <translation>La connexion au dépôt est fermée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp.py" line="174"/>
        <source>Connection to {address} lost; reconnecting (attempt {n} of {total})…</source>
        <translation>Connexion à {address} perdue ; reconnexion (tentative {n} sur {total})…</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="144"/>
        <source>recmanager&apos;s known-hosts file {path} cannot be read: {error}</source>
        <translation>Impossible de lire le fichier known-hosts de recmanager {path} : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="167"/>
        <source>No SFTP password is stored for the profile &quot;{name}&quot;.</source>
        <translation>Aucun mot de passe SFTP n&apos;est enregistré pour le profil « {name} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="169"/>
        <source>Enter it in the profile dialog.</source>
        <translation>Saisissez-le dans la fenêtre du profil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="181"/>
        <source>WARNING: THE SSH KEY OF {host} HAS CHANGED. Someone may be intercepting the connection, or the server was reinstalled. The server now shows the {type} key {new}; recmanager remembered {old}. The connection was refused.</source>
        <translation>ATTENTION : LA CLÉ SSH DE {host} A CHANGÉ. Quelqu&apos;un intercepte peut-être la connexion, ou le serveur a été réinstallé. Le serveur présente maintenant la clé {type} {new} ; recmanager avait mémorisé {old}. La connexion a été refusée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="188"/>
        <source>Ask the server&apos;s administrator for the new fingerprint. If it matches, remove the line for {host} from {path} and connect again.</source>
        <translation>Demandez la nouvelle empreinte à l&apos;administrateur du serveur. Si elle correspond, supprimez la ligne de {host} dans {path} et reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="195"/>
        <source>{address} refused the login ({method}): {error}</source>
        <translation>{address} a refusé la connexion ({method}) : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="201"/>
        <source>No key to offer to {address}.</source>
        <translation>Aucune clé à présenter à {address}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="204"/>
        <source>Cannot connect to {address}: {error}</source>
        <translation>Impossible de se connecter à {address} : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="206"/>
        <source>Check the host, the port and the network.</source>
        <translation>Vérifiez l&apos;hôte, le port et le réseau.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="212"/>
        <source>Check the user name and the password.</source>
        <translation>Vérifiez le nom d&apos;utilisateur et le mot de passe.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="213"/>
        <source>Start ssh-agent and add your key (ssh-add).</source>
        <translation>Lancez ssh-agent et ajoutez-y votre clé (ssh-add).</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="214"/>
        <source>Check the user name, and that the public key is in the server&apos;s authorized_keys.</source>
        <translation>Vérifiez le nom d&apos;utilisateur, et que la clé publique figure dans le fichier authorized_keys du serveur.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="221"/>
        <source>No key file is set in the profile.</source>
        <translation>Aucun fichier de clé n&apos;est défini dans le profil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="228"/>
        <source>The key {path} is protected by a passphrase.</source>
        <translation>La clé {path} est protégée par une phrase de passe.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="230"/>
        <source>Enter the passphrase in the profile dialog.</source>
        <translation>Saisissez la phrase de passe dans la fenêtre du profil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="232"/>
        <source>The key {path} cannot be read: {error}</source>
        <translation>Impossible de lire la clé {path} : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="236"/>
        <source>The key {path} cannot be used: {error}</source>
        <translation>La clé {path} est inutilisable : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp_login.py" line="238"/>
        <source>Check the passphrase stored for the profile.</source>
        <translation>Vérifiez la phrase de passe enregistrée pour le profil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp.py" line="234"/>
        <source>All connections to {address} are busy; try again when a transfer has finished.</source>
        <translation>Toutes les connexions à {address} sont occupées ; réessayez quand un transfert sera terminé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp.py" line="247"/>
        <source>{address} refuses to open an SFTP session.</source>
        <translation>{address} refuse d&apos;ouvrir une session SFTP.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp.py" line="300"/>
        <source>{address} sent nothing for {seconds} s.</source>
        <translation>{address} n&apos;a rien envoyé pendant {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp.py" line="306"/>
        <source>The connection to {address} was lost.</source>
        <translation>La connexion à {address} a été perdue.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp.py" line="309"/>
        <source>The connection to {address} was lost: {error}</source>
        <translation>La connexion à {address} a été perdue : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp.py" line="302"/>
        <location filename="../../recmanager/deposit/sftp.py" line="312"/>
        <source>recmanager reconnects on the next operation.</source>
        <translation>recmanager se reconnectera à la prochaine opération.</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp.py" line="402"/>
        <location filename="../../recmanager/deposit/sftp_reader.py" line="222"/>
        <source>Resolving</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <location filename="../../recmanager/deposit/sftp.py" line="528"/>
        <source>{path} is not a folder.</source>
        <translation>{path} n&apos;est pas un dossier.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../recmanager/errors.py" line="39"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
</context>
<context>
    <name>ffmpeg</name>
    <message>
        <location filename="../../recmanager/packaging/ffmpeg.py" line="39"/>
        <source>FFmpeg can only encrypt with CENC, not {scheme}.</source>
        <translation>FFmpeg ne peut chiffrer qu&apos;en CENC, pas en {scheme}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/ffmpeg.py" line="42"/>
        <source>Choose CENC, or install Bento4 for CBCS.</source>
        <translation>Choisissez CENC, ou installez Bento4 pour CBCS.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/ffmpeg.py" line="65"/>
        <source>fragmenting and encrypting</source>
        <translation>fragmentation et chiffrement</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/ffmpeg.py" line="71"/>
        <source>FFmpeg wrote no DASH segments.</source>
        <translation>FFmpeg n&apos;a écrit aucun segment DASH.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/ffmpeg.py" line="73"/>
        <source>checking the encryption</source>
        <translation>vérification du chiffrement</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/ffmpeg.py" line="78"/>
        <source>The segments lack per-fragment encryption data (senc): browsers could not decrypt them. This FFmpeg build is not usable.</source>
        <translation>Les segments n&apos;ont pas de données de chiffrement par fragment (senc) : les navigateurs ne pourraient pas les déchiffrer. Cette version de FFmpeg n&apos;est pas utilisable.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/ffmpeg.py" line="86"/>
        <source>writing the manifest</source>
        <translation>écriture du manifeste</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/ffmpeg.py" line="162"/>
        <source>FFmpeg could not package the file: {reason}</source>
        <translation>FFmpeg n&apos;a pas pu empaqueter le fichier : {reason}</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message numerus="yes">
        <location filename="../../recmanager/bulk/plan.py" line="53"/>
        <source>%n with an invalid rule</source>
        <translation>
            <numerusform>%n à la règle non valide</numerusform>
            <numerusform>%n à la règle non valide</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/bulk/plan.py" line="54"/>
        <source>%n matched by two rules</source>
        <translation>
            <numerusform>%n correspond à deux règles</numerusform>
            <numerusform>%n correspondent à deux règles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/bulk/plan.py" line="55"/>
        <source>%n matched by no rule</source>
        <translation>
            <numerusform>%n ne correspond à aucune règle</numerusform>
            <numerusform>%n ne correspondent à aucune règle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/bulk/plan.py" line="56"/>
        <source>%n with an unknown owner</source>
        <translation>
            <numerusform>%n au propriétaire inconnu</numerusform>
            <numerusform>%n aux propriétaires inconnus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/bulk/plan.py" line="57"/>
        <source>%n with an owner who is not staff</source>
        <translation>
            <numerusform>%n au propriétaire non « staff »</numerusform>
            <numerusform>%n aux propriétaires non « staff »</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/bulk/plan.py" line="58"/>
        <source>%n still uploading</source>
        <translation>
            <numerusform>%n en cours de dépôt</numerusform>
            <numerusform>%n en cours de dépôt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/bulk/plan.py" line="59"/>
        <source>%n not claimable</source>
        <translation>
            <numerusform>%n non revendicable</numerusform>
            <numerusform>%n non revendicables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/bulk/plan.py" line="60"/>
        <source>%n with a title too long</source>
        <translation>
            <numerusform>%n au titre trop long</numerusform>
            <numerusform>%n aux titres trop longs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/bulk/plan.py" line="193"/>
        <source>%n in the plan</source>
        <translation>
            <numerusform>%n dans le plan</numerusform>
            <numerusform>%n dans le plan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/bulk/plan.py" line="194"/>
        <source>%n ready</source>
        <translation>
            <numerusform>%n prêt</numerusform>
            <numerusform>%n prêts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/bulk/plan.py" line="196"/>
        <source>%n done</source>
        <translation>
            <numerusform>%n terminé</numerusform>
            <numerusform>%n terminés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/bulk/plan.py" line="198"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/bulk/plan.py" line="203"/>
        <source>%n excluded</source>
        <translation>
            <numerusform>%n exclu</numerusform>
            <numerusform>%n exclus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/connection.py" line="176"/>
        <source>Recorder folders under {root}: %n.</source>
        <translation>
            <numerusform>%n dossier d&apos;enregistreur sous {root}.</numerusform>
            <numerusform>%n dossiers d&apos;enregistreurs sous {root}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/recorders/sanity.py" line="111"/>
        <source>Recordings in the folder &quot;{folder}&quot;: %n. No recorder uses it: Pod mails the admins at every cron run until it is fixed.</source>
        <translation>
            <numerusform>Le dossier « {folder} » contient %n enregistrement, mais aucun enregistreur ne l’utilise : Pod écrit aux administrateurs à chaque passage du cron tant que ce n’est pas corrigé.</numerusform>
            <numerusform>Le dossier « {folder} » contient %n enregistrements, mais aucun enregistreur ne l’utilise : Pod écrit aux administrateurs à chaque passage du cron tant que ce n’est pas corrigé.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../recmanager/commands/pod.py" line="205"/>
        <source>Recordings not seen before, inspected now (a moment each): %n…</source>
        <translation>
            <numerusform>Enregistrement jamais vu, examiné maintenant (un instant) : %n…</numerusform>
            <numerusform>Enregistrements jamais vus, examinés maintenant (un instant chacun) : %n…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>inbox</name>
    <message>
        <location filename="../../recmanager/inbox/refresh.py" line="120"/>
        <source>Reading Pod&apos;s unclaimed list…</source>
        <translation>Lecture de la liste des enregistrements non revendiqués de Pod…</translation>
    </message>
    <message>
        <location filename="../../recmanager/inbox/refresh.py" line="122"/>
        <source>Scanning the deposit folder…</source>
        <translation>Analyse du dossier de dépôt…</translation>
    </message>
    <message>
        <location filename="../../recmanager/inbox/refresh.py" line="126"/>
        <source>Merging…</source>
        <translation>Fusion…</translation>
    </message>
    <message>
        <location filename="../../recmanager/inbox/zips.py" line="114"/>
        <source>{member} is not a stored video of {archive}.</source>
        <translation>{member} n&apos;est pas une vidéo contenue dans {archive}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/inbox/zips.py" line="128"/>
        <source>{archive} holds no video.</source>
        <translation>{archive} ne contient aucune vidéo.</translation>
    </message>
</context>
<context>
    <name>inspection</name>
    <message>
        <location filename="../../recmanager/commands/inspect.py" line="52"/>
        <source>{path} has no contact sheet: {reason}</source>
        <translation>{path} n&apos;a pas de planche contact : {reason}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/inspect.py" line="67"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/inspect.py" line="68"/>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/inspect.py" line="70"/>
        <source>video in the zip</source>
        <translation>vidéo du zip</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/inspect.py" line="72"/>
        <source>duration</source>
        <translation>durée</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/inspect.py" line="74"/>
        <source>picture</source>
        <translation>image</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/inspect.py" line="76"/>
        <source>no picture</source>
        <translation>pas d&apos;image</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/inspect.py" line="77"/>
        <source>sound</source>
        <translation>son</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/inspect.py" line="78"/>
        <source>no sound track</source>
        <translation>pas de piste son</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/inspect.py" line="79"/>
        <source>read</source>
        <translation>lu</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/inspect.py" line="79"/>
        <source>{read} of {size}</source>
        <translation>{read} sur {size}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/inspect.py" line="81"/>
        <source>flags</source>
        <translation>signalements</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/analyse.py" line="258"/>
        <source>The zip file cannot be read (it may still be uploading).</source>
        <translation>Le fichier zip ne peut pas être lu (il est peut-être encore en cours de dépôt).</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/analyse.py" line="262"/>
        <source>The zip holds no video.</source>
        <translation>Le zip ne contient aucune vidéo.</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/analyse.py" line="264"/>
        <source>The video is compressed inside the zip: it is not inspected, as that would mean reading the whole file.</source>
        <translation>La vidéo est compressée dans le zip : elle n&apos;est pas examinée, car il faudrait lire tout le fichier.</translation>
    </message>
    <message>
        <location filename="../../recmanager/inspection/analyse.py" line="351"/>
        <source>FFmpeg cannot read this file as a video ({error}).</source>
        <translation>FFmpeg ne peut pas lire ce fichier comme une vidéo ({error}).</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <location filename="../../recmanager/packaging/bento4.py" line="168"/>
        <location filename="../../recmanager/packaging/ffmpeg.py" line="103"/>
        <source>{name} has no video track: there is nothing to package.</source>
        <translation>{name} n&apos;a pas de piste vidéo : il n&apos;y a rien à empaqueter.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/bento4.py" line="177"/>
        <location filename="../../recmanager/packaging/job.py" line="195"/>
        <source>Unknown encryption scheme {scheme}: use cenc or cbcs.</source>
        <translation>Schéma de chiffrement {scheme} inconnu : utilisez cenc ou cbcs.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/bento4.py" line="183"/>
        <source>The input file {path} does not exist or cannot be read.</source>
        <translation>Le fichier d&apos;entrée {path} n&apos;existe pas ou est illisible.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/ffmpeg.py" line="98"/>
        <location filename="../../recmanager/packaging/job.py" line="189"/>
        <source>The input file {path} does not exist.</source>
        <translation>Le fichier d&apos;entrée {path} n&apos;existe pas.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/records.py" line="161"/>
        <source>There is no job {id}.</source>
        <translation>Il n&apos;existe aucune tâche {id}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/records.py" line="227"/>
        <source>recmanager stopped while this job was running; retry it.</source>
        <translation>recmanager s&apos;est arrêté pendant l&apos;exécution de cette tâche ; relancez-la.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/records.py" line="251"/>
        <source>The output folder {path} cannot be used: {error}</source>
        <translation>Le dossier de sortie {path} ne peut pas être utilisé : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/records.py" line="256"/>
        <source>The output folder {path} already exists and is not empty.</source>
        <translation>Le dossier de sortie {path} existe déjà et n&apos;est pas vide.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/records.py" line="258"/>
        <source>Choose a new folder name; recmanager never overwrites.</source>
        <translation>Choisissez un nouveau nom de dossier ; recmanager n&apos;écrase jamais rien.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/records.py" line="262"/>
        <source>The folder {path} does not exist.</source>
        <translation>Le dossier {path} n&apos;existe pas.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/records.py" line="266"/>
        <source>recmanager may not write in {path}.</source>
        <translation>recmanager n&apos;a pas le droit d&apos;écrire dans {path}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/job.py" line="265"/>
        <source>Not enough free space in {path}: {needed} MB needed ({factor:g}× the input), {free} MB free.</source>
        <translation>Espace libre insuffisant dans {path} : {needed} Mo nécessaires ({factor:g}× l&apos;entrée), {free} Mo libres.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/job.py" line="273"/>
        <source>Free some space or choose a folder on another disk.</source>
        <translation>Libérez de l&apos;espace ou choisissez un dossier sur un autre disque.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/job.py" line="325"/>
        <source>While {tool} runs, the content key stands on its command line: other users of this computer can read it in the process list.</source>
        <translation>Tant que {tool} tourne, la clé de contenu figure sur sa ligne de commande : les autres utilisateurs de cet ordinateur peuvent la lire dans la liste des processus.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/job.py" line="338"/>
        <location filename="../../recmanager/packaging/queue.py" line="291"/>
        <source>The key of job {id} is no longer in the keyring.</source>
        <translation>La clé de la tâche {id} n&apos;est plus dans le trousseau.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/job.py" line="341"/>
        <source>Package the file again and enter the key.</source>
        <translation>Empaquetez à nouveau le fichier et saisissez la clé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/job.py" line="295"/>
        <location filename="../../recmanager/packaging/queue.py" line="323"/>
        <source>Cancelled by the user.</source>
        <translation>Annulé par l&apos;utilisateur.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/job.py" line="305"/>
        <source>Packaging failed: {error}</source>
        <translation>L&apos;empaquetage a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/job.py" line="476"/>
        <source>Unknown packaging backend {name}: use bento4 or ffmpeg.</source>
        <translation>Moteur d&apos;empaquetage {name} inconnu : utilisez bento4 ou ffmpeg.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/inputs.py" line="87"/>
        <source>Job {id} is {status}: only a failed or aborted job can be removed.</source>
        <translation>La tâche {id} est à l&apos;état « {status} » : seule une tâche en échec ou abandonnée peut être retirée.</translation>
    </message>
</context>
<context>
    <name>keys</name>
    <message>
        <location filename="../../recmanager/packaging/keys.py" line="40"/>
        <source>The {what} is empty.</source>
        <translation>La valeur « {what} » est vide.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/keys.py" line="45"/>
        <source>The {what} has {count} hex digits; it must have exactly 32 (16 bytes).</source>
        <translation>La valeur « {what} » compte {count} chiffres hexadécimaux ; il en faut exactement 32 (16 octets).</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/keys.py" line="51"/>
        <source>The {what} has 32 characters, as hex does, but not only hex digits (0-9, a-f).</source>
        <translation>La valeur « {what} » compte 32 caractères, comme en hexadécimal, mais pas uniquement des chiffres hexadécimaux (0-9, a-f).</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/keys.py" line="59"/>
        <source>The {what} is neither 32 hex digits nor base64/base64url text (it contains characters those encodings do not use).</source>
        <translation>La valeur « {what} » n&apos;est ni une suite de 32 chiffres hexadécimaux ni un texte base64/base64url (elle contient des caractères que ces encodages n&apos;utilisent pas).</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/keys.py" line="67"/>
        <source>The {what} is not valid base64: its length is impossible.</source>
        <translation>La valeur « {what} » n&apos;est pas du base64 valide : sa longueur est impossible.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/keys.py" line="75"/>
        <source>The {what} is not valid base64.</source>
        <translation>La valeur « {what} » n&apos;est pas du base64 valide.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/keys.py" line="79"/>
        <source>The {what} decodes to {count} bytes; it must be exactly 16 bytes.</source>
        <translation>La valeur « {what} » se décode en {count} octets ; elle doit faire exactement 16 octets.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/keys.py" line="95"/>
        <source>A key and a KID are exactly 16 bytes each.</source>
        <translation>Une clé et un KID font chacun exactement 16 octets.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/keys.py" line="100"/>
        <source>key</source>
        <translation>clé</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/keys.py" line="101"/>
        <source>KID</source>
        <translation>KID</translation>
    </message>
</context>
<context>
    <name>media</name>
    <message>
        <location filename="../../recmanager/media.py" line="26"/>
        <source>The bundled FFmpeg is missing: {error}</source>
        <translation>Le FFmpeg fourni avec recmanager est introuvable : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/media.py" line="27"/>
        <source>Reinstall recmanager.</source>
        <translation>Réinstallez recmanager.</translation>
    </message>
</context>
<context>
    <name>mp4</name>
    <message>
        <location filename="../../recmanager/packaging/mp4.py" line="91"/>
        <source>The file is not an MP4 video (its structure is not ISO/MP4).</source>
        <translation>Le fichier n&apos;est pas une vidéo MP4 (sa structure n&apos;est pas ISO/MP4).</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/mp4.py" line="92"/>
        <source>Choose the recording&apos;s .mp4 file.</source>
        <translation>Choisissez le fichier .mp4 de l&apos;enregistrement.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/mp4.py" line="176"/>
        <source>The file {path} cannot be read: {error}</source>
        <translation>Impossible de lire le fichier {path} : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/mp4.py" line="181"/>
        <source>The file {path} is empty.</source>
        <translation>Le fichier {path} est vide.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/mp4.py" line="186"/>
        <source>The file is cut short: its last part ({kind}) needs {needed} bytes but the file has {size}. The recording or its transfer was interrupted.</source>
        <translation>Le fichier est tronqué : sa dernière partie ({kind}) nécessite {needed} octets, mais le fichier n&apos;en compte que {size}. L&apos;enregistrement ou son transfert a été interrompu.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/mp4.py" line="191"/>
        <location filename="../../recmanager/packaging/mp4.py" line="219"/>
        <source>Copy the file again once the recorder has finished it.</source>
        <translation>Copiez de nouveau le fichier une fois que l&apos;enregistreur l&apos;a terminé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/mp4.py" line="196"/>
        <source>The file has no movie header (moov): the recording was interrupted before it was finalised, or this is not a finished MP4.</source>
        <translation>Le fichier n&apos;a pas d&apos;en-tête de film (moov) : l&apos;enregistrement a été interrompu avant d&apos;être finalisé, ou ce n&apos;est pas un MP4 terminé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/mp4.py" line="218"/>
        <source>The movie header (moov) of the file is damaged.</source>
        <translation>L&apos;en-tête de film (moov) du fichier est endommagé.</translation>
    </message>
</context>
<context>
    <name>notify</name>
    <message>
        <location filename="../../recmanager/pod/notify.py" line="69"/>
        <source>The key is right: Pod will accept it.</source>
        <translation>La clé est correcte : Pod l&apos;acceptera.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/notify.py" line="76"/>
        <source>The key was computed from the IP with dots ({ip}), as Pod&apos;s documentation says, but Pod checks the IP with underscores ({place}): it answers &quot;nok: key is not valid&quot;. Set the device&apos;s key to {expected}.</source>
        <translation>La clé a été calculée à partir de l&apos;IP avec des points ({ip}), comme l&apos;indique la documentation de Pod, mais Pod vérifie l&apos;IP avec des tirets bas ({place}) : il répond « nok: key is not valid ». Réglez la clé de l&apos;appareil sur {expected}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/notify.py" line="86"/>
        <source>The key does not match this IP address and hash key: Pod will answer &quot;nok: key is not valid&quot;. Check the device&apos;s IP and hash key; the right key is {expected}.</source>
        <translation>La clé ne correspond pas à cette adresse IP et à cette clé de hachage : Pod répondra « nok: key is not valid ». Vérifiez l&apos;IP et la clé de hachage de l&apos;appareil ; la bonne clé est {expected}.</translation>
    </message>
</context>
<context>
    <name>package</name>
    <message>
        <location filename="../../recmanager/commands/package.py" line="165"/>
        <location filename="../../recmanager/commands/queued.py" line="84"/>
        <source>Job {id} is {status}: only a finished job can be retried.</source>
        <translation>La tâche {id} est à l&apos;état « {status} » : seule une tâche terminée peut être relancée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/package.py" line="183"/>
        <location filename="../../recmanager/commands/queued.py" line="100"/>
        <source>Job {id}</source>
        <translation>Tâche {id}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/package.py" line="227"/>
        <source>Job {id} aborted: {reason}</source>
        <translation>Tâche {id} abandonnée : {reason}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/package.py" line="231"/>
        <source>Job {id} failed: {reason}</source>
        <translation>Échec de la tâche {id} : {reason}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/package.py" line="239"/>
        <source>Job {id} removed.</source>
        <translation>Tâche {id} retirée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/package.py" line="241"/>
        <source>Its downloaded copy {path} was deleted.</source>
        <translation>Sa copie téléchargée {path} a été supprimée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/queued.py" line="32"/>
        <source>Not submitted</source>
        <translation>Non soumise</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/queued.py" line="38"/>
        <source>here</source>
        <translation>ici</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/queued.py" line="39"/>
        <source>queue</source>
        <translation>file d&apos;attente</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/queued.py" line="59"/>
        <source>On the queue, the input is the file&apos;s absolute path on the server.</source>
        <translation>Dans la file d&apos;attente, l&apos;entrée est le chemin absolu du fichier sur le serveur.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/queued.py" line="62"/>
        <source>On the queue, --out is one folder name: the workers create it in their output folder.</source>
        <translation>Dans la file d&apos;attente, --out est un nom de dossier unique : les workers le créent dans leur dossier de sortie.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/queued.py" line="105"/>
        <source>Job {id} goes on on the queue: see `recmanager jobs list`.</source>
        <translation>La tâche {id} continue dans la file d&apos;attente : voir `recmanager jobs list`.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/queued.py" line="119"/>
        <source>Job {id} {status}: {reason}</source>
        <translation>Tâche {id} — {status} : {reason}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/queued.py" line="126"/>
        <source>Job {id} runs on this computer: cancel it where it runs (Ctrl-C, or the jobs panel).</source>
        <translation>La tâche {id} s&apos;exécute sur cet ordinateur : annulez-la là où elle s&apos;exécute (Ctrl-C, ou le panneau des tâches).</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/queued.py" line="130"/>
        <source>Job {id} is already {status}.</source>
        <translation>La tâche {id} est déjà dans l&apos;état {status}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/queued.py" line="138"/>
        <source>Job {id}: its worker is asked to stop.</source>
        <translation>Tâche {id} : son worker est prié de s&apos;arrêter.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/queued.py" line="141"/>
        <source>Job {id} aborted.</source>
        <translation>Tâche {id} interrompue.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/queued.py" line="150"/>
        <source>There is no profile to change.</source>
        <translation>Il n&apos;y a aucun profil à modifier.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/queued.py" line="167"/>
        <source>Packaging for &quot;{name}&quot; runs {where}.</source>
        <translation>L&apos;empaquetage pour « {name} » s&apos;exécute {where}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/queued.py" line="168"/>
        <source>on the queue</source>
        <translation>dans la file d&apos;attente</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/queued.py" line="169"/>
        <source>on this computer</source>
        <translation>sur cet ordinateur</translation>
    </message>
</context>
<context>
    <name>pod</name>
    <message>
        <location filename="../../recmanager/pod/http.py" line="77"/>
        <source>&quot;{url}&quot; is not a Pod address.</source>
        <translation>« {url} » n&apos;est pas une adresse Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http.py" line="78"/>
        <source>Give the address as https://pod.example.edu</source>
        <translation>Indiquez l&apos;adresse sous la forme https://pod.example.edu</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http.py" line="90"/>
        <source>The CA bundle {path} does not exist.</source>
        <translation>Le fichier d&apos;autorités de certification {path} n&apos;existe pas.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http.py" line="93"/>
        <source>Choose the certificate file again in the profile.</source>
        <translation>Choisissez de nouveau le fichier de certificats dans le profil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="82"/>
        <source>{where} was sent but its answer was cut short; it may or may not have been applied, and it was not resent.</source>
        <translation>{where} a été envoyé mais sa réponse a été tronquée ; la requête a pu être appliquée ou non, et elle n&apos;a pas été renvoyée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="90"/>
        <source>TLS handshake failed</source>
        <translation>Échec de la négociation TLS</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="92"/>
        <source>The certificate of {host} could not be verified: {reason}.</source>
        <translation>Le certificat de {host} n&apos;a pas pu être vérifié : {reason}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="95"/>
        <source>If your university uses its own certificate authority, choose its CA bundle in the connection profile.</source>
        <translation>Si votre université utilise sa propre autorité de certification, choisissez son fichier de certificats (CA) dans le profil de connexion.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="110"/>
        <source>{host} did not accept the connection within {seconds} s.</source>
        <translation>{host} n&apos;a pas accepté la connexion dans un délai de {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="113"/>
        <source>Check that you are on the university network or its VPN.</source>
        <translation>Vérifiez que vous êtes sur le réseau de l&apos;université ou connecté à son VPN.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="117"/>
        <source>Pod did not answer {where} within {seconds} s.</source>
        <translation>Pod n&apos;a pas répondu à {where} dans un délai de {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="120"/>
        <source>Pod may be overloaded; try again in a few minutes.</source>
        <translation>Pod est peut-être surchargé ; réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="125"/>
        <source>The name {host} cannot be resolved.</source>
        <translation>Le nom {host} ne peut pas être résolu.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="128"/>
        <source>Check the Pod address in the profile, and your network or VPN.</source>
        <translation>Vérifiez l&apos;adresse de Pod dans le profil, ainsi que votre réseau ou VPN.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="135"/>
        <source>Cannot connect to {host}: the connection was refused.</source>
        <translation>Impossible de se connecter à {host} : la connexion a été refusée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="138"/>
        <source>Check the Pod address and port, and that the server is running.</source>
        <translation>Vérifiez l&apos;adresse et le port de Pod, et que le serveur fonctionne.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="143"/>
        <source>The connection to {host} dropped before Pod&apos;s answer to {where} was complete.</source>
        <translation>La connexion à {host} a été coupée avant la fin de la réponse de Pod à {where}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="146"/>
        <source>Try again; if it keeps happening, check the network.</source>
        <translation>Réessayez ; si le problème persiste, vérifiez le réseau.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="223"/>
        <source>The server answered {where} with an HTML error page ({title}) instead of Pod&apos;s answer: Pod, or the proxy in front of it, is failing or restarting.</source>
        <translation>Le serveur a répondu à {where} par une page d&apos;erreur HTML ({title}) au lieu de la réponse de Pod : Pod, ou le proxy placé devant lui, est en panne ou en cours de redémarrage.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="229"/>
        <source>Try again in a few minutes; if it lasts, tell the Pod administrators.</source>
        <translation>Réessayez dans quelques minutes ; si cela dure, prévenez les administrateurs de Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="236"/>
        <source>Pod failed on {where} (HTTP {status}: {error}).</source>
        <translation>Pod a échoué sur {where} (HTTP {status} : {error}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="240"/>
        <source>This is a server-side error; tell the Pod administrators.</source>
        <translation>Il s&apos;agit d&apos;une erreur côté serveur ; prévenez les administrateurs de Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="247"/>
        <source>Pod&apos;s web session has ended or was refused.</source>
        <translation>La session web de Pod a expiré ou a été refusée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="251"/>
        <source>Pod received no token with the request ({where}).</source>
        <translation>Pod n&apos;a reçu aucun jeton avec la requête ({where}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="255"/>
        <source>A proxy in front of Pod may drop the Authorization header; ask the Pod administrators to pass it through.</source>
        <translation>Un proxy placé devant Pod supprime peut-être l&apos;en-tête Authorization ; demandez aux administrateurs de Pod de le laisser passer.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="262"/>
        <source>Pod refused the API token ({detail}).</source>
        <translation>Pod a refusé le jeton d&apos;API ({detail}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="266"/>
        <source>Create a token for a staff account in Pod&apos;s administration (Auth Token › Tokens) and enter it in the connection profile.</source>
        <translation>Créez un jeton pour un compte « staff » dans l&apos;administration de Pod (Jeton d&apos;authentification › Jetons) et saisissez-le dans le profil de connexion.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="277"/>
        <source>Pod refused the form: its CSRF check failed ({where}).</source>
        <translation>Pod a refusé le formulaire : sa vérification CSRF a échoué ({where}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="280"/>
        <source>Use exactly the address Pod is published at (https and host name) in the profile.</source>
        <translation>Indiquez dans le profil exactement l&apos;adresse sous laquelle Pod est publié (https et nom d&apos;hôte).</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="289"/>
        <source>The web account is not allowed to do this ({where}): it needs superuser rights on Pod.</source>
        <translation>Le compte web n&apos;est pas autorisé à faire cela ({where}) : il doit avoir les droits de superutilisateur sur Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="294"/>
        <source>Use a superuser account for the web login.</source>
        <translation>Utilisez un compte superutilisateur pour la connexion web.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="297"/>
        <source>The account of this token is not staff on Pod, and Pod&apos;s REST API is for staff accounts only.</source>
        <translation>Le compte de ce jeton n&apos;est pas « staff » sur Pod, et l&apos;API REST de Pod est réservée aux comptes « staff ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="303"/>
        <source>Ask a Pod administrator for staff status, or use a staff account&apos;s token.</source>
        <translation>Demandez le statut « staff » à un administrateur de Pod, ou utilisez le jeton d&apos;un compte « staff ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="311"/>
        <source>Pod has nothing at {where} ({detail}).</source>
        <translation>Pod n&apos;a rien à l&apos;adresse {where} ({detail}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="315"/>
        <source>It may have been deleted or claimed meanwhile; refresh.</source>
        <translation>L&apos;élément a peut-être été supprimé ou revendiqué entre-temps ; actualisez.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="322"/>
        <source>Pod refused the data of {where}: {errors}</source>
        <translation>Pod a refusé les données de {where} : {errors}</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http_errors.py" line="331"/>
        <source>Pod answered {where} with HTTP {status} ({detail}).</source>
        <translation>Pod a répondu à {where} avec le code HTTP {status} ({detail}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http.py" line="335"/>
        <source>{where} was sent but its answer was lost ({cause}); it may or may not have been applied, and it was not resent.</source>
        <translation>{where} a été envoyé mais sa réponse a été perdue ({cause}) ; la requête a pu être appliquée ou non, et elle n&apos;a pas été renvoyée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http.py" line="356"/>
        <source>{where}: Pod&apos;s answer was cut short {count} times.</source>
        <translation>{where} : la réponse de Pod a été tronquée {count} fois.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http.py" line="367"/>
        <source>{url} answered {where} with a web page instead of data: the address may not be Pod&apos;s, or a login portal intercepts the API.</source>
        <translation>{url} a répondu à {where} par une page web au lieu de données : l&apos;adresse n&apos;est peut-être pas celle de Pod, ou un portail de connexion intercepte l&apos;API.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/http.py" line="373"/>
        <source>Check the Pod address in the profile.</source>
        <translation>Vérifiez l&apos;adresse de Pod dans le profil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/pages.py" line="75"/>
        <source>Pod&apos;s list {path} changed each of the {count} times it was read.</source>
        <translation>La liste {path} de Pod a changé à chacune des {count} lectures.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/pages.py" line="77"/>
        <source>Refresh again in a moment.</source>
        <translation>Actualisez de nouveau dans un instant.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/pages.py" line="85"/>
        <source>Pod&apos;s answer to {path} does not say how many rows it has.</source>
        <translation>La réponse de Pod à {path} n&apos;indique pas combien de lignes elle contient.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/pages.py" line="128"/>
        <source>Page {page} of {pages} of {path}: {error}</source>
        <translation>Page {page} sur {pages} de {path} : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/pages.py" line="172"/>
        <source>Pod&apos;s answer to {path} is not a list.</source>
        <translation>La réponse de Pod à {path} n&apos;est pas une liste.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest.py" line="56"/>
        <source>No Pod API token was given.</source>
        <translation>Aucun jeton d&apos;API Pod n&apos;a été fourni.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest.py" line="78"/>
        <source>No Pod API token is stored for the profile &quot;{name}&quot;.</source>
        <translation>Aucun jeton d&apos;API Pod n&apos;est enregistré pour le profil « {name} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest.py" line="81"/>
        <source>Enter the token in the profile dialog, or set RECMANAGER_POD_TOKEN for a script.</source>
        <translation>Saisissez le jeton dans la fenêtre du profil, ou définissez RECMANAGER_POD_TOKEN pour un script.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest.py" line="101"/>
        <source>{url} answers, but its REST API lacks {names}: it is not Pod, or a Pod too old for recmanager.</source>
        <translation>{url} répond, mais il manque {names} à son API REST : ce n&apos;est pas Pod, ou c&apos;est une version de Pod trop ancienne pour recmanager.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest.py" line="110"/>
        <source>{url} does not answer like Pod&apos;s REST API.</source>
        <translation>{url} ne répond pas comme l&apos;API REST de Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest.py" line="114"/>
        <source>Token accepted: staff access to Pod at {url} ({count} recorders).</source>
        <translation>Jeton accepté : accès « staff » à Pod sur {url} ({count} enregistreurs).</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest.py" line="151"/>
        <source>Pod&apos;s REST API cannot change this field; it needs the web session (recorder settings).</source>
        <translation>L&apos;API REST de Pod ne peut pas modifier ce champ ; il faut la session web (réglages de l&apos;enregistreur).</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest.py" line="159"/>
        <source>These recorder fields cannot be changed over REST: {names}.</source>
        <translation>Ces champs de l&apos;enregistreur ne peuvent pas être modifiés via REST : {names}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest_users.py" line="54"/>
        <source>Several Pod accounts match {value}: {logins}.</source>
        <translation>Plusieurs comptes Pod correspondent à {value} : {logins}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest_users.py" line="57"/>
        <source>Give the login instead.</source>
        <translation>Indiquez plutôt l&apos;identifiant.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest_claims.py" line="152"/>
        <source>Pod&apos;s answer to the claim of {file} came without its content.</source>
        <translation>La réponse de Pod à la revendication de {file} est arrivée sans son contenu.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest_claims.py" line="160"/>
        <source>The claim of {file} reached Pod or not: its answer was lost ({cause}) and no recording of this file exists yet. Nothing was resent.</source>
        <translation>La revendication de {file} est peut-être parvenue à Pod, ou non : sa réponse a été perdue ({cause}) et aucun enregistrement de ce fichier n&apos;existe encore. Rien n&apos;a été renvoyé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest_claims.py" line="166"/>
        <source>Refresh in a minute: if the recording appears, the claim worked; otherwise claim it again.</source>
        <translation>Actualisez dans une minute : si l&apos;enregistrement apparaît, la revendication a réussi ; sinon, revendiquez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest_claims.py" line="189"/>
        <source>The claim of {file} may or may not have been applied ({cause}), and Pod could not be asked afterwards ({error}). Nothing was resent.</source>
        <translation>La revendication de {file} a pu être appliquée ou non ({cause}), et Pod n&apos;a pas pu être interrogé ensuite ({error}). Rien n&apos;a été renvoyé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest_claims.py" line="199"/>
        <source>Refresh once Pod answers again before claiming.</source>
        <translation>Actualisez lorsque Pod répondra de nouveau, avant de revendiquer.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest_claims.py" line="212"/>
        <source>{file} was claimed meanwhile by someone else (recording {id}, &quot;{title}&quot;).</source>
        <translation>{file} a été revendiqué entre-temps par quelqu&apos;un d&apos;autre (enregistrement {id}, « {title} »).</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest_claims.py" line="220"/>
        <source>Recording with this source file already exists.</source>
        <translation>Un enregistrement avec ce fichier source existe déjà.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest_claims.py" line="229"/>
        <source>{user} is not staff on Pod, and Pod accepts only staff accounts as the owner of a claimed recording.</source>
        <translation>{user} n&apos;est pas « staff » sur Pod, et Pod n&apos;accepte que des comptes « staff » comme propriétaires d&apos;un enregistrement revendiqué.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest_claims.py" line="234"/>
        <source>Claim it for a staff account (for example yours), then reassign the video to {user} once Pod has created it.</source>
        <translation>Revendiquez-le pour un compte « staff » (par exemple le vôtre), puis réattribuez la vidéo à {user} une fois que Pod l&apos;aura créée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest_claims.py" line="242"/>
        <source>A title is required to claim a recording.</source>
        <translation>Un titre est obligatoire pour revendiquer un enregistrement.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest_claims.py" line="243"/>
        <source>This field is required.</source>
        <translation>Ce champ est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/rest_videos.py" line="25"/>
        <source>Pod&apos;s /rest/videos/ fails when USE_PODFILE is False in its settings; ask the Pod administrators to turn it on.</source>
        <translation>/rest/videos/ de Pod échoue lorsque USE_PODFILE vaut False dans ses réglages ; demandez aux administrateurs de Pod de l&apos;activer.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="145"/>
        <source>The web login needs a username and a password.</source>
        <translation>La connexion web nécessite un nom d&apos;utilisateur et un mot de passe.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="173"/>
        <source>The profile &quot;{name}&quot; has no web login (username and password).</source>
        <translation>Le profil « {name} » n&apos;a pas de connexion web (nom d&apos;utilisateur et mot de passe).</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="176"/>
        <source>Recorder settings and file-moving owner changes need a superuser&apos;s web login: add it in the profile dialog, or set RECMANAGER_POD_USER and RECMANAGER_POD_PASSWORD.</source>
        <translation>Les réglages des enregistreurs et les changements de propriétaire avec déplacement des fichiers nécessitent la connexion web d&apos;un superutilisateur : ajoutez-la dans la fenêtre du profil, ou définissez RECMANAGER_POD_USER et RECMANAGER_POD_PASSWORD.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="193"/>
        <source>Pod at {url} offers no local login ({reason}): it seems to use single sign-on only, so recmanager cannot open a web session there.</source>
        <translation>Pod sur {url} ne propose pas de connexion locale ({reason}) : il semble n&apos;utiliser que l&apos;authentification unique (SSO), recmanager ne peut donc pas y ouvrir de session web.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="198"/>
        <source>Ask the Pod administrators for a local superuser account, or make this change in Pod&apos;s administration pages with a browser.</source>
        <translation>Demandez aux administrateurs de Pod un compte superutilisateur local, ou effectuez cette modification dans les pages d&apos;administration de Pod avec un navigateur.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="216"/>
        <source>no username and password form</source>
        <translation>aucun formulaire de nom d&apos;utilisateur et de mot de passe</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="233"/>
        <source>Pod refused the web login of {user}: wrong password, or the account is not staff.</source>
        <translation>Pod a refusé la connexion web de {user} : mot de passe incorrect, ou le compte n&apos;est pas « staff ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="238"/>
        <source>Check the web login and password in the profile.</source>
        <translation>Vérifiez l&apos;identifiant et le mot de passe web dans le profil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="251"/>
        <source>the login page asks for other credentials</source>
        <translation>la page de connexion demande d&apos;autres identifiants</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="259"/>
        <source>the login page sends to {host}</source>
        <translation>la page de connexion redirige vers {host}</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="262"/>
        <source>the login page redirects in circles</source>
        <translation>la page de connexion redirige en boucle</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="274"/>
        <source>Pod keeps asking {user} to log in for {path}.</source>
        <translation>Pod redemande sans cesse à {user} de se connecter pour {path}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="277"/>
        <source>The account needs superuser rights on Pod.</source>
        <translation>Le compte doit avoir les droits de superutilisateur sur Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="286"/>
        <source>Pod&apos;s page {path} has no form recmanager knows.</source>
        <translation>La page {path} de Pod ne contient aucun formulaire connu de recmanager.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="289"/>
        <source>This Pod version may differ; do it in a browser.</source>
        <translation>Cette version de Pod est peut-être différente ; effectuez l&apos;opération dans un navigateur.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="330"/>
        <source>This Pod&apos;s recorder form has no such field.</source>
        <translation>Le formulaire d&apos;enregistreur de ce Pod n&apos;a pas ce champ.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="337"/>
        <source>Pod&apos;s recorder form cannot set: {names}.</source>
        <translation>Le formulaire d&apos;enregistreur de Pod ne permet pas de définir : {names}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="352"/>
        <source>Pod saved the recorder but did not say which id it got ({location}).</source>
        <translation>Pod a sauvegardé l&apos;enregistreur mais n&apos;a pas indiqué quel identifiant lui a été attribué ({location}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="356"/>
        <source>the recorder</source>
        <translation>l&apos;enregistreur</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="366"/>
        <source>Pod did not say why.</source>
        <translation>Pod n&apos;a pas indiqué pourquoi.</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="368"/>
        <source>Pod refused {what}: {errors}</source>
        <translation>Pod a refusé {what} : {errors}</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="385"/>
        <source>the deletion</source>
        <translation>la suppression</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="429"/>
        <source>Pod refused the owner change: {detail}</source>
        <translation>Pod a refusé le changement de propriétaire : {detail}</translation>
    </message>
    <message>
        <location filename="../../recmanager/pod/web.py" line="441"/>
        <source>Pod did not confirm the owner change ({detail}).</source>
        <translation>Pod n&apos;a pas confirmé le changement de propriétaire ({detail}).</translation>
    </message>
</context>
<context>
    <name>queue</name>
    <message>
        <location filename="../../recmanager/commands/worker.py" line="77"/>
        <source>Give the broker&apos;s address: --broker, or {name} in the environment.</source>
        <translation>Indiquez l&apos;adresse du broker : --broker, ou {name} dans l&apos;environnement.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/worker.py" line="85"/>
        <source>The output folder {path} does not exist.</source>
        <translation>Le dossier de sortie {path} n&apos;existe pas.</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/worker.py" line="107"/>
        <source>Private key written to {path} (mode 0600). The desks&apos; public key:</source>
        <translation>Clé privée écrite dans {path} (mode 0600). La clé publique pour les postes :</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/queue.py" line="86"/>
        <source>The broker address must look like redis://host:6379/5 or amqp://host/vhost.</source>
        <translation>L&apos;adresse du broker doit avoir la forme redis://hôte:6379/5 ou amqp://hôte/vhost.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/queue.py" line="61"/>
        <source>The broker address holds a password: recmanager keeps no password in its settings.</source>
        <translation>L&apos;adresse du broker contient un mot de passe : recmanager ne garde aucun mot de passe dans ses réglages.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/queue.py" line="63"/>
        <source>Give the address without it; the password goes to the keyring (recmanager jobs runs-on queue --broker-password -).</source>
        <translation>Donnez l&apos;adresse sans lui ; le mot de passe va dans le trousseau (recmanager jobs runs-on queue --broker-password -).</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/queue.py" line="96"/>
        <source>The result backend must look like redis://host:6379/5.</source>
        <translation>Le stockage des résultats doit avoir la forme redis://hôte:6379/5.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/queue.py" line="102"/>
        <source>RabbitMQ carries the jobs but keeps no job states the desks can read: give a result backend as well.</source>
        <translation>RabbitMQ transporte les tâches mais ne garde aucun état que les postes puissent lire : indiquez aussi un stockage des résultats.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/queue.py" line="104"/>
        <source>For example Pod&apos;s Redis with a database of its own: --result-backend redis://pod.example.org:6379/5</source>
        <translation>Par exemple le Redis de Pod, avec une base à lui : --result-backend redis://pod.example.org:6379/5</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/queue.py" line="185"/>
        <source>No packaging queue is set: its broker address and the workers&apos; public key are needed.</source>
        <translation>Aucune file d&apos;empaquetage n&apos;est configurée : l&apos;adresse de son broker et la clé publique des workers sont nécessaires.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/queue.py" line="187"/>
        <source>Run: recmanager jobs runs-on queue --broker URL --public-key KEY</source>
        <translation>Lancez : recmanager jobs runs-on queue --broker URL --public-key CLÉ</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/queue.py" line="226"/>
        <source>the connection is refused (is the broker running, and on this port?)</source>
        <translation>la connexion est refusée (le broker est-il lancé, et sur ce port ?)</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/queue.py" line="229"/>
        <source>the broker refuses the password ({error})</source>
        <translation>le broker refuse le mot de passe ({error})</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/queue.py" line="232"/>
        <source>the broker does not answer (no reply within {seconds} seconds)</source>
        <translation>le broker ne répond pas (aucune réponse en {seconds} secondes)</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/queue.py" line="249"/>
        <source>The broker at {url} answers.</source>
        <translation>Le broker à l&apos;adresse {url} répond.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/queue.py" line="254"/>
        <source>The job is kept as not submitted; retry it once the broker is back.</source>
        <translation>La tâche est conservée, non soumise ; relancez-la quand le broker sera de retour.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/queue.py" line="256"/>
        <source>Submitted jobs go on on the workers; their state shows here once the broker is back.</source>
        <translation>Les tâches soumises continuent sur les workers ; leur état s&apos;affichera ici quand le broker sera de retour.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/queue.py" line="259"/>
        <source>The packaging queue&apos;s broker at {url} cannot be reached: {error}</source>
        <translation>Le broker de la file d&apos;empaquetage à {url} est injoignable : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/sealing.py" line="53"/>
        <source>The workers&apos; public key is not valid: it is the base64 text that `recmanager worker-key` prints.</source>
        <translation>La clé publique des workers n&apos;est pas valide : c&apos;est le texte base64 qu&apos;affiche `recmanager worker-key`.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/sealing.py" line="78"/>
        <source>This worker cannot open the job&apos;s key: it was sealed to another public key, or changed on the way.</source>
        <translation>Ce worker ne peut pas ouvrir la clé de la tâche : elle a été scellée pour une autre clé publique, ou modifiée en chemin.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/sealing.py" line="80"/>
        <source>Give the desks the public key of this worker&apos;s private key (`recmanager worker-key --show`).</source>
        <translation>Donnez aux postes la clé publique de la clé privée de ce worker (`recmanager worker-key --show`).</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/sealing.py" line="95"/>
        <source>{path} already exists: recmanager does not overwrite a key.</source>
        <translation>{path} existe déjà : recmanager n&apos;écrase pas une clé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/sealing.py" line="108"/>
        <source>The worker&apos;s private key {path} cannot be read: {error}</source>
        <translation>La clé privée du worker {path} ne peut pas être lue : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/sealing.py" line="112"/>
        <source>The worker&apos;s private key {path} may be read by others (mode {mode:o}).</source>
        <translation>La clé privée du worker {path} peut être lue par d&apos;autres (mode {mode:o}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/sealing.py" line="114"/>
        <source>Run: chmod 600 {path}</source>
        <translation>Lancez : chmod 600 {path}</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/sealing.py" line="119"/>
        <source>{path} holds no private key.</source>
        <translation>{path} ne contient aucune clé privée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/sealing.py" line="122"/>
        <source>{path} holds no X25519 private key.</source>
        <translation>{path} ne contient aucune clé privée X25519.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/worker.py" line="223"/>
        <source>The output name {name} is not one folder name.</source>
        <translation>Le nom de sortie {name} n&apos;est pas un nom de dossier unique.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/worker.py" line="232"/>
        <source>{path} is outside the folder this worker packages from ({root}).</source>
        <translation>{path} est hors du dossier depuis lequel ce worker empaquette ({root}).</translation>
    </message>
</context>
<context>
    <name>recorders</name>
    <message>
        <location filename="../../recmanager/recorders/model.py" line="50"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/model.py" line="51"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/model.py" line="52"/>
        <source>IP address</source>
        <translation>Adresse IP</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/model.py" line="53"/>
        <source>Recording type</source>
        <translation>Type d&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/model.py" line="54"/>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/model.py" line="55"/>
        <source>Hash key</source>
        <translation>Clé de hachage</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/model.py" line="56"/>
        <source>Manager</source>
        <translation>Gestionnaire</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/model.py" line="57"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/model.py" line="58"/>
        <source>Video type</source>
        <translation>Type de vidéo</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/model.py" line="59"/>
        <source>Automatic publishing</source>
        <translation>Publication automatique</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/model.py" line="60"/>
        <source>Additional owners</source>
        <translation>Propriétaires additionnels</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="49"/>
        <source>A folder is required.</source>
        <translation>Un dossier est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="51"/>
        <source>The folder name is longer than {max} characters.</source>
        <translation>Le nom du dossier dépasse {max} caractères.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="55"/>
        <source>The folder name contains a control character.</source>
        <translation>Le nom du dossier contient un caractère de contrôle.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="57"/>
        <source>The folder must be one folder name, without &apos;/&apos;, &apos;\&apos; or &apos;..&apos;.</source>
        <translation>Le dossier doit être un simple nom de dossier, sans « / », « \ » ni « .. ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="61"/>
        <source>The folder name may only contain letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, and must start with a letter or digit.</source>
        <translation>Le nom du dossier ne peut contenir que des lettres, des chiffres, « . », « _ » et « - », et doit commencer par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="124"/>
        <source>A name is required.</source>
        <translation>Un nom est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="126"/>
        <source>The name is longer than {max} characters.</source>
        <translation>Le nom dépasse {max} caractères.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="129"/>
        <source>Another recorder is already called &quot;{name}&quot;.</source>
        <translation>Un autre enregistreur s&apos;appelle déjà « {name} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="138"/>
        <source>&quot;{ip}&quot; is not an IPv4 or IPv6 address.</source>
        <translation>« {ip} » n&apos;est pas une adresse IPv4 ou IPv6.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="147"/>
        <source>The recorder &quot;{other}&quot; already has the address {ip}.</source>
        <translation>L&apos;enregistreur « {other} » a déjà l&apos;adresse {ip}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="100"/>
        <source>The recording type must be one of: {types}.</source>
        <translation>Le type d&apos;enregistrement doit être l&apos;un des suivants : {types}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="112"/>
        <source>The recorder cannot be saved: {problems}</source>
        <translation>L&apos;enregistreur ne peut pas être sauvegardé : {problems}</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="114"/>
        <source>{field}: {message}</source>
        <translation>{field} : {message}</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="159"/>
        <source>The recorder &quot;{other}&quot; already uses the folder &quot;{folder}&quot;.</source>
        <translation>L&apos;enregistreur « {other} » utilise déjà le dossier « {folder} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="166"/>
        <source>A hash key is required: without one anybody who knows the IP address can compute the notify key. Generate one.</source>
        <translation>Une clé de hachage est obligatoire : sans elle, quiconque connaît l&apos;adresse IP peut calculer la clé de notification. Générez-en une.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="170"/>
        <source>The hash key is longer than {max} characters.</source>
        <translation>La clé de hachage dépasse {max} caractères.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="173"/>
        <source>The hash key must not contain spaces or control characters: devices rarely keep them.</source>
        <translation>La clé de hachage ne doit contenir ni espaces ni caractères de contrôle : les appareils les conservent rarement.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="181"/>
        <source>The manager (user {id}) does not exist on Pod.</source>
        <translation>Le gestionnaire (utilisateur {id}) n&apos;existe pas sur Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="185"/>
        <source>{user} is not staff: Pod only accepts staff users as a recorder&apos;s manager.</source>
        <translation>{user} n&apos;est pas membre du personnel (staff) : Pod n&apos;accepte comme gestionnaire d&apos;un enregistreur que des utilisateurs « staff ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="189"/>
        <source>Automatic publishing needs a manager: the videos are published in the manager&apos;s name.</source>
        <translation>La publication automatique nécessite un gestionnaire : les vidéos sont publiées au nom du gestionnaire.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="199"/>
        <source>A video type is required.</source>
        <translation>Un type de vidéo est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/validation.py" line="201"/>
        <source>The video type {id} does not exist on Pod.</source>
        <translation>Le type de vidéo {id} n&apos;existe pas sur Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/saving.py" line="67"/>
        <source>Done, but not complete: Pod now holds {fields}.</source>
        <translation>Fait, mais incomplet : Pod détient désormais {fields}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/saving.py" line="71"/>
        <source>Recorder created (id {id}).</source>
        <translation>Enregistreur créé (id {id}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/saving.py" line="74"/>
        <source>Sent over REST: {fields}.</source>
        <translation>Envoyé par REST : {fields}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/saving.py" line="77"/>
        <source>Sent over the web session: {fields}.</source>
        <translation>Envoyé par la session web : {fields}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/saving.py" line="80"/>
        <source>Nothing changed; nothing was sent.</source>
        <translation>Aucun changement ; rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/saving.py" line="82"/>
        <source>Pod did not keep {field}: wanted {wanted}, the server has {got}.</source>
        <translation>Pod n&apos;a pas conservé {field} : valeur voulue {wanted}, le serveur a {got}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/saving.py" line="90"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/saving.py" line="134"/>
        <source>Creating a recorder needs a web session.</source>
        <translation>La création d&apos;un enregistreur nécessite une session web.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/saving.py" line="135"/>
        <source>Pod&apos;s REST API cannot create recorders. Give the profile a Pod username and password (superuser) to use the admin form.</source>
        <translation>L&apos;API REST de Pod ne permet pas de créer des enregistreurs. Renseignez dans le profil un identifiant et un mot de passe Pod (superutilisateur) pour utiliser le formulaire d&apos;administration.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/saving.py" line="144"/>
        <source>{fields} can only be changed through a web session.</source>
        <translation>Seule une session web permet de modifier {fields}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/saving.py" line="146"/>
        <source>Pod&apos;s REST API does not expose these fields. Give the profile a Pod username and password (superuser).</source>
        <translation>L&apos;API REST de Pod n&apos;expose pas ces champs. Renseignez dans le profil un identifiant et un mot de passe Pod (superutilisateur).</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="115"/>
        <source>Create a recorder for the folder &quot;{folder}&quot; (or move its files to the right recorder&apos;s folder).</source>
        <translation>Créez un enregistreur pour le dossier « {folder} » (ou déplacez ses fichiers dans le dossier du bon enregistreur).</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="131"/>
        <source>The folder &quot;{folder}&quot; of the recorder &quot;{name}&quot; does not exist on the deposit: the device&apos;s uploads will fail.</source>
        <translation>Le dossier « {folder} » de l&apos;enregistreur « {name} » n&apos;existe pas sur le dépôt : les téléversements de l&apos;appareil échoueront.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="135"/>
        <source>Create the folder &quot;{folder}&quot; on the deposit (or correct the recorder&apos;s folder).</source>
        <translation>Créez le dossier « {folder} » sur le dépôt (ou corrigez le dossier de l&apos;enregistreur).</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="154"/>
        <source>The recorders {names} share the address {ip}: Pod cannot tell their notifications apart.</source>
        <translation>Les enregistreurs {names} partagent l&apos;adresse {ip} : Pod ne peut pas distinguer leurs notifications.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="158"/>
        <source>Give each recorder its own device&apos;s address.</source>
        <translation>Donnez à chaque enregistreur l&apos;adresse de son propre appareil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="173"/>
        <source>The recorder &quot;{name}&quot; has no manager, but this server does not allow manual claiming: its recordings are never offered to anyone and Pod mails the admins instead.</source>
        <translation>L&apos;enregistreur « {name} » n&apos;a pas de gestionnaire, mais ce serveur n&apos;autorise pas la revendication manuelle : ses enregistrements ne sont jamais proposés à personne et Pod envoie un e-mail aux administrateurs à la place.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="178"/>
        <source>Set a manager for &quot;{name}&quot; (or enable ALLOW_MANUAL_RECORDING_CLAIMING on the server).</source>
        <translation>Définissez un gestionnaire pour « {name} » (ou activez ALLOW_MANUAL_RECORDING_CLAIMING sur le serveur).</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="193"/>
        <source>Pod&apos;s treatment row {id} points to {path}, which is no longer on the deposit.</source>
        <translation>La ligne de traitement {id} de Pod pointe vers {path}, qui n&apos;est plus sur le dépôt.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="196"/>
        <source>Delete the treatment row {id}.</source>
        <translation>Supprimez la ligne de traitement {id}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="206"/>
        <source>{path} never completed ({reason}).</source>
        <translation>Le dépôt de {path} n&apos;a jamais abouti ({reason}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="209"/>
        <source>Delete the file (and upload it again from the device).</source>
        <translation>Supprimez le fichier (et déposez-le à nouveau depuis l&apos;appareil).</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/service.py" line="48"/>
        <source>the profile has no Pod username (the web session needs a superuser login and password)</source>
        <translation>le profil n&apos;a pas d&apos;identifiant Pod (la session web nécessite l&apos;identifiant et le mot de passe d&apos;un superutilisateur)</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/service.py" line="52"/>
        <source>no Pod password is stored for the profile &quot;{name}&quot;</source>
        <translation>aucun mot de passe Pod n&apos;est enregistré pour le profil « {name} »</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/service.py" line="186"/>
        <source>No recorder is called &quot;{name}&quot;.</source>
        <translation>Aucun enregistreur ne s&apos;appelle « {name} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/service.py" line="189"/>
        <source>`recmanager recorders list` shows them all.</source>
        <translation>`recmanager recorders list` les affiche tous.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/service.py" line="200"/>
        <source>No Pod user &quot;{login}&quot;.</source>
        <translation>Aucun utilisateur Pod « {login} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/service.py" line="201"/>
        <source>No Pod user has the login or e-mail &quot;{login}&quot;.</source>
        <translation>Aucun utilisateur Pod n&apos;a l&apos;identifiant ou l&apos;adresse e-mail « {login} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/service.py" line="362"/>
        <source>Saved over REST: {rest}. Not saved, the web session failed: {web}. {error}</source>
        <translation>Enregistré par REST : {rest}. Non enregistré, la session web a échoué : {web}. {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/notify.py" line="36"/>
        <source>{what} needs the recorder&apos;s hash key and folder, which only the web session can read ({reason}).</source>
        <translation>{what} nécessite la clé de hachage et le dossier de l&apos;enregistreur, que seule la session web peut lire ({reason}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/notify.py" line="38"/>
        <source>not read</source>
        <translation>non lu</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/notify.py" line="59"/>
        <source>The notify URL</source>
        <translation>L&apos;URL de notification</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/notify.py" line="61"/>
        <source>Give the name of a file in the recorder&apos;s folder, not a path.</source>
        <translation>Indiquez le nom d&apos;un fichier du dossier de l&apos;enregistreur, pas un chemin.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/notify.py" line="78"/>
        <source>Checking a device&apos;s key</source>
        <translation>La vérification de la clé d&apos;un appareil</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/notify.py" line="83"/>
        <source>Pod e-mailed the manager (or the admins) a link to publish the file.</source>
        <translation>Pod a envoyé par e-mail au gestionnaire (ou aux administrateurs) un lien pour publier le fichier.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/notify.py" line="85"/>
        <source>Pod published the file automatically in the manager&apos;s name.</source>
        <translation>Pod a publié le fichier automatiquement au nom du gestionnaire.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/notify.py" line="112"/>
        <source>Pod refused the notification: {reply}</source>
        <translation>Pod a refusé la notification : {reply}</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="35"/>
        <source>The set-up sheet</source>
        <translation>La fiche de configuration</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="38"/>
        <source>SFTP, port {port}</source>
        <translation>SFTP, port {port}</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="41"/>
        <source>SFTP or FTP, as the Pod administrators offer it</source>
        <translation>SFTP ou FTP, selon ce que proposent les administrateurs de Pod</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="43"/>
        <source>(the deposit account the Pod administrators gave you)</source>
        <translation>(le compte de dépôt fourni par les administrateurs de Pod)</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="46"/>
        <source>Recorder</source>
        <translation>Enregistreur</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="47"/>
        <source>Device IP address</source>
        <translation>Adresse IP de l&apos;appareil</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="48"/>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="49"/>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="50"/>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="51"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="51"/>
        <source>(given separately, never printed)</source>
        <translation>(communiqué séparément, jamais imprimé)</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="53"/>
        <source>Target folder</source>
        <translation>Dossier cible</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="55"/>
        <source>Notify key</source>
        <translation>Clé de notification</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="56"/>
        <source>Notify URL</source>
        <translation>URL de notification</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="59"/>
        <source>Mode: {mode}.</source>
        <translation>Mode : {mode}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="60"/>
        <source>In the notify URL, replace {placeholder} (twice) with the name of the deposited file.</source>
        <translation>Dans l&apos;URL de notification, remplacez {placeholder} (deux fois) par le nom du fichier déposé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="62"/>
        <source>Devices that do not notify Pod themselves need no notify URL: Pod&apos;s cron finds their files in the target folder.</source>
        <translation>Les appareils qui ne notifient pas Pod eux-mêmes n&apos;ont pas besoin d&apos;URL de notification : le cron de Pod trouve leurs fichiers dans le dossier cible.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/setup_sheet.py" line="66"/>
        <source>Set-up sheet — {name}</source>
        <translation>Fiche de configuration — {name}</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="238"/>
        <source>an upload by recmanager that was interrupted</source>
        <translation>un dépôt de recmanager qui a été interrompu</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="241"/>
        <source>zero bytes: the device&apos;s transfer failed</source>
        <translation>zéro octet : le transfert de l&apos;appareil a échoué</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="273"/>
        <source>still not complete {minutes} minutes after it appeared</source>
        <translation>toujours incomplet {minutes} minutes après son apparition</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="307"/>
        <source>Folders and modes were not checked: {reason}.</source>
        <translation>Les dossiers et les modes n&apos;ont pas été vérifiés : {reason}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="311"/>
        <source>Manual-claim recorders were not checked: the profile does not say whether this Pod allows manual claiming (ALLOW_MANUAL_RECORDING_CLAIMING).</source>
        <translation>Les enregistreurs à revendication manuelle n&apos;ont pas été vérifiés : le profil n&apos;indique pas si ce Pod autorise la revendication manuelle (ALLOW_MANUAL_RECORDING_CLAIMING).</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="315"/>
        <source>The folder &quot;{folder}&quot; could not be read: {error}</source>
        <translation>Le dossier « {folder} » n&apos;a pas pu être lu : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/saving.py" line="222"/>
        <source>The edit of recorder {name} was found done at this start: Pod holds every change.</source>
        <translation>La modification de l&apos;enregistreur {name} a été trouvée faite à ce démarrage : Pod détient chaque changement.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/saving.py" line="226"/>
        <source>The edit of recorder {name} was interrupted before Pod took any of it (found at this start).</source>
        <translation>La modification de l&apos;enregistreur {name} a été interrompue avant que Pod n&apos;en prenne quoi que ce soit (constaté à ce démarrage).</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/saving.py" line="229"/>
        <source>The edit of recorder {name} was interrupted (found at this start): Pod holds {taken}, not {missing}.</source>
        <translation>La modification de l&apos;enregistreur {name} a été interrompue (constaté à ce démarrage) : Pod détient {taken}, mais pas {missing}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="373"/>
        <source>Treatment row {id} deleted.</source>
        <translation>Ligne de traitement {id} supprimée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="377"/>
        <source>Folder {path} created.</source>
        <translation>Dossier {path} créé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="382"/>
        <source>{path} moved to {where}.</source>
        <translation>{path} déplacé vers {where}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="385"/>
        <source>{path} deleted.</source>
        <translation>{path} supprimé.</translation>
    </message>
    <message>
        <location filename="../../recmanager/recorders/sanity.py" line="387"/>
        <source>This fix needs your choices: {fix}</source>
        <translation>Cette correction nécessite vos choix : {fix}</translation>
    </message>
</context>
<context>
    <name>sandbox</name>
    <message>
        <location filename="../../recmanager/commands/sandbox.py" line="47"/>
        <source>The sandbox cannot listen on {address}:{port}: {error}</source>
        <translation>Le bac à sable ne peut pas écouter sur {address}:{port} : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/commands/sandbox.py" line="50"/>
        <source>Choose another port with --port (0 picks a free one).</source>
        <translation>Choisissez un autre port avec --port (0 en choisit un libre).</translation>
    </message>
    <message>
        <location filename="../../recmanager/sandbox/run_with_gui.py" line="72"/>
        <source>The sandbox did not start.</source>
        <translation>Le bac à sable n&apos;a pas démarré.</translation>
    </message>
    <message>
        <location filename="../../recmanager/sandbox/run_with_gui.py" line="73"/>
        <source>See its log: {path}</source>
        <translation>Consultez son journal : {path}</translation>
    </message>
    <message>
        <location filename="../../recmanager/sandbox/run_with_gui.py" line="84"/>
        <source>Pod sandbox running at {url}</source>
        <translation>Bac à sable Pod lancé sur {url}</translation>
    </message>
    <message>
        <location filename="../../recmanager/sandbox/run_with_gui.py" line="86"/>
        <source>The command line as its admin: . {path}</source>
        <translation>La ligne de commande en tant que son administrateur : . {path}</translation>
    </message>
    <message>
        <location filename="../../recmanager/sandbox/server.py" line="257"/>
        <source>{path} is not a sandbox data folder.</source>
        <translation>{path} n&apos;est pas un dossier de données de bac à sable.</translation>
    </message>
    <message>
        <location filename="../../recmanager/sandbox/server.py" line="259"/>
        <source>Choose an empty or new folder with --data.</source>
        <translation>Choisissez un dossier vide ou nouveau avec --data.</translation>
    </message>
    <message>
        <location filename="../../recmanager/sandbox/server.py" line="263"/>
        <source>The sandbox in {path} was not completely set up.</source>
        <translation>Le bac à sable de {path} n&apos;a pas été entièrement configuré.</translation>
    </message>
    <message>
        <location filename="../../recmanager/sandbox/server.py" line="265"/>
        <source>Start it again with --fresh.</source>
        <translation>Relancez-le avec --fresh.</translation>
    </message>
    <message>
        <location filename="../../recmanager/sandbox/server.py" line="397"/>
        <source>The sandbox could not start: {path}: {error}</source>
        <translation>Le bac à sable n&apos;a pas pu démarrer : {path} : {error}</translation>
    </message>
</context>
<context>
    <name>secrets</name>
    <message>
        <location filename="../../recmanager/secrets.py" line="49"/>
        <source>The Pod token contains spaces, accents or invisible characters.</source>
        <translation>Le jeton Pod contient des espaces, des accents ou des caractères invisibles.</translation>
    </message>
    <message>
        <location filename="../../recmanager/secrets.py" line="51"/>
        <source>Copy the token again from Pod&apos;s administration (Auth Token → Tokens): it is one word of letters and digits.</source>
        <translation>Copiez de nouveau le jeton depuis l&apos;administration de Pod (Auth Token → Tokens) : c&apos;est un seul mot fait de lettres et de chiffres.</translation>
    </message>
    <message>
        <location filename="../../recmanager/secrets.py" line="104"/>
        <source>The system keyring could not be read.</source>
        <translation>Le trousseau système n&apos;a pas pu être lu.</translation>
    </message>
    <message>
        <location filename="../../recmanager/secrets.py" line="105"/>
        <source>Unlock the keyring, then try again.</source>
        <translation>Déverrouillez le trousseau, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../recmanager/config.py" line="446"/>
        <source>Refresh the inbox every (seconds)</source>
        <translation>Actualiser la boîte de réception toutes les (secondes)</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="447"/>
        <source>0 turns the automatic refresh off; F5 always refreshes.</source>
        <translation>0 désactive l&apos;actualisation automatique ; F5 actualise toujours.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="455"/>
        <source>An upload is complete after (seconds without change)</source>
        <translation>Un dépôt est complet après (secondes sans changement)</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="456"/>
        <source>A deposited file counts as complete once its size and date have not changed for this long.</source>
        <translation>Un fichier déposé est considéré complet lorsque sa taille et sa date n&apos;ont pas changé pendant cette durée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="468"/>
        <source>A recording is a false start below (seconds)</source>
        <translation>Un enregistrement est un faux départ en dessous de (secondes)</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="469"/>
        <source>Recordings shorter than this are flagged as a probable false start; 0 flags none.</source>
        <translation>Les enregistrements plus courts sont signalés comme un probable faux départ ; 0 n&apos;en signale aucun.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="480"/>
        <source>Keep quarantined files for (days)</source>
        <translation>Conserver les fichiers en quarantaine pendant (jours)</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="481"/>
        <source>Deleted recordings stay in the quarantine folder this long for Undo.</source>
        <translation>Les enregistrements supprimés restent ce temps dans le dossier de quarantaine pour pouvoir être restaurés.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="491"/>
        <source>Parallel requests for bulk assignment</source>
        <translation>Requêtes parallèles pour l&apos;attribution en masse</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="492"/>
        <source>How many claims run at once; 1 runs them one by one.</source>
        <translation>Nombre de revendications simultanées ; 1 les exécute une par une.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="500"/>
        <source>Job events webhook</source>
        <translation>Webhook des événements de tâches</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="501"/>
        <source>Each job event is POSTed there as JSON. Leave empty to send nothing.</source>
        <translation>Chaque événement de tâche y est envoyé en JSON (POST). Laissez vide pour ne rien envoyer.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="509"/>
        <source>Desktop notifications</source>
        <translation>Notifications de bureau</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="510"/>
        <source>Tell me when recordings become claimable and when a job ends.</source>
        <translation>Me prévenir quand des enregistrements deviennent revendicables et quand une tâche se termine.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="518"/>
        <source>Show an icon in the system tray</source>
        <translation>Afficher une icône dans la zone de notification</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="519"/>
        <source>The icon shows how many recordings are claimable.</source>
        <translation>L&apos;icône indique combien d&apos;enregistrements sont revendicables.</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="42"/>
        <source>Recordings</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="43"/>
        <source>Player</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="44"/>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="48"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="49"/>
        <source>Filter</source>
        <translation>Filtrer</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="50"/>
        <source>Delete the selected recordings</source>
        <translation>Supprimer les enregistrements sélectionnés</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="51"/>
        <source>Claim the selected recordings</source>
        <translation>Revendiquer les enregistrements sélectionnés</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="52"/>
        <source>Play / pause</source>
        <translation>Lecture / pause</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="53"/>
        <source>Seek back</source>
        <translation>Reculer</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="54"/>
        <source>Seek forward</source>
        <translation>Avancer</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="55"/>
        <source>Previous frame</source>
        <translation>Image précédente</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="56"/>
        <source>Next frame</source>
        <translation>Image suivante</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="57"/>
        <source>Seek back / forward further</source>
        <translation>Reculer / avancer davantage</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="59"/>
        <source>Back to the start</source>
        <translation>Revenir au début</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="60"/>
        <source>Volume up / down</source>
        <translation>Monter / baisser le volume</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="61"/>
        <source>Mute</source>
        <translation>Couper le son</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="62"/>
        <source>Bigger window</source>
        <translation>Agrandir la fenêtre</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="63"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/shortcuts.py" line="226"/>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="157"/>
        <source>Keyboard shortcuts…</source>
        <translation>Raccourcis clavier…</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <location filename="../../recmanager/store/sqlite_read.py" line="43"/>
        <source>The database {path} is in use by another program.</source>
        <translation>La base de données {path} est utilisée par un autre programme.</translation>
    </message>
    <message>
        <location filename="../../recmanager/store/sqlite_read.py" line="46"/>
        <source>Close the other recmanager window (or program), then try again.</source>
        <translation>Fermez l&apos;autre fenêtre de recmanager (ou l&apos;autre programme), puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../recmanager/store/sqlite_read.py" line="52"/>
        <source>The database {path} is damaged or is not a recmanager database.</source>
        <translation>La base de données {path} est endommagée ou n&apos;est pas une base de recmanager.</translation>
    </message>
    <message>
        <location filename="../../recmanager/store/sqlite_read.py" line="54"/>
        <source>Move the file away (recmanager then starts with an empty one) or restore a backup copy from the same folder.</source>
        <translation>Déplacez ce fichier (recmanager repartira d&apos;une base vide) ou restaurez une copie de sauvegarde du même dossier.</translation>
    </message>
    <message>
        <location filename="../../recmanager/store/sqlite_read.py" line="61"/>
        <source>The database {path} cannot be used: {error}</source>
        <translation>La base de données {path} est inutilisable : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/store/sqlite_read.py" line="69"/>
        <source>The database {path} was written by a newer recmanager (schema {found}, this version knows {known}).</source>
        <translation>La base de données {path} a été écrite par une version plus récente de recmanager (schéma {found}, cette version connaît {known}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/store/sqlite_read.py" line="74"/>
        <source>Install the newer recmanager again, or start this one with another data folder.</source>
        <translation>Réinstallez la version plus récente de recmanager, ou lancez celle-ci avec un autre dossier de données.</translation>
    </message>
    <message>
        <location filename="../../recmanager/store/sqlite_read.py" line="109"/>
        <source>The database {path} is of an older recmanager (schema {found}): it is brought up to date when it is opened.</source>
        <translation>La base de données {path} vient d&apos;une version antérieure de recmanager (schéma {found}) : elle est mise à jour à son ouverture.</translation>
    </message>
</context>
<context>
    <name>tools</name>
    <message>
        <location filename="../../recmanager/packaging/process.py" line="149"/>
        <source>{tool} could not be started: {error}</source>
        <translation>Impossible de lancer {tool} : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/process.py" line="163"/>
        <source>{tool} failed (exit code {rc}): {reason}</source>
        <translation>{tool} a échoué (code de sortie {rc}) : {reason}</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/process.py" line="165"/>
        <source>{tool} reported an error although it exited with 0: {reason}</source>
        <translation>{tool} a signalé une erreur bien qu&apos;il se soit terminé avec le code 0 : {reason}</translation>
    </message>
</context>
<context>
    <name>verify</name>
    <message>
        <location filename="../../recmanager/packaging/verify.py" line="43"/>
        <source>The manifest&apos;s duration {value} cannot be read.</source>
        <translation>La durée {value} du manifeste est illisible.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/verify.py" line="60"/>
        <source>The manifest {path} cannot be read: {error}</source>
        <translation>Le manifeste {path} est illisible : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/verify.py" line="71"/>
        <source>The manifest {path} has no presentation duration.</source>
        <translation>Le manifeste {path} n&apos;indique pas de durée de présentation.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/verify.py" line="84"/>
        <source>The packaged presentation lasts {got:.1f} s but the source lasts {want:.1f} s: the input is damaged or a step stopped early.</source>
        <translation>La présentation empaquetée dure {got:.1f} s alors que la source dure {want:.1f} s : l&apos;entrée est endommagée ou une étape s&apos;est arrêtée prématurément.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/verify.py" line="136"/>
        <source>The manifest does not announce the {kind} track as encrypted with KID {kid}.</source>
        <translation>Le manifeste n&apos;annonce pas la piste {kind} comme chiffrée avec le KID {kid}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/verify.py" line="143"/>
        <source>The manifest has no video adaptation set.</source>
        <translation>Le manifeste ne contient aucun ensemble d&apos;adaptation (AdaptationSet) vidéo.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/verify.py" line="153"/>
        <source>{name} is encrypted ({entry}) with another KID: {kid}.</source>
        <translation>{name} est chiffré ({entry}) avec un autre KID : {kid}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/packaging/verify.py" line="160"/>
        <source>Only {found} of {expected} tracks are encrypted in the output: the encryption step did not work.</source>
        <translation>Seules {found} pistes sur {expected} sont chiffrées dans la sortie : l&apos;étape de chiffrement n&apos;a pas fonctionné.</translation>
    </message>
</context>
<context>
    <name>webhook</name>
    <message>
        <location filename="../../recmanager/packaging/webhook.py" line="53"/>
        <source>The webhook address must start with https:// or http://.</source>
        <translation>L&apos;adresse du webhook doit commencer par https:// ou http://.</translation>
    </message>
</context>
</TS>
