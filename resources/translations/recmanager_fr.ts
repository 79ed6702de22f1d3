<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChannelState</name>
    <message>
        <location filename="../../recmanager/ui/status.py" line="14" />
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/status.py" line="15" />
        <source>connecting…</source>
        <translation>connexion…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/status.py" line="16" />
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/status.py" line="17" />
        <source>reconnecting…</source>
        <translation>reconnexion…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/status.py" line="18" />
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/status.py" line="19" />
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../recmanager/ui/excepthook.py" line="45" />
        <source>recmanager: unexpected error</source>
        <translation>recmanager : erreur inattendue</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/excepthook.py" line="46" />
        <source>Unexpected error report</source>
        <translation>Rapport d'erreur inattendue</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/excepthook.py" line="50" />
        <source>Something went wrong that recmanager did not expect. Your data is safe. Please send this report to your support team; it is also in the log folder {folder}.</source>
        <translation>Un problème que recmanager n'attendait pas est survenu. Vos données sont intactes. Merci d'envoyer ce rapport à votre équipe d'assistance ; il se trouve aussi dans le dossier des journaux {folder}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/excepthook.py" line="59" />
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/excepthook.py" line="62" />
        <source>Copy report</source>
        <translation>Copier le rapport</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../../recmanager/ui/jobs_panel.py" line="17" />
        <source>No jobs yet.</source>
        <translation>Aucune tâche pour l'instant.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="48" />
        <source>recmanager</source>
        <translation>recmanager</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="73" />
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="76" />
        <source>Connection profiles…</source>
        <translation>Profils de connexion…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="79" />
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="81" />
        <location filename="../../recmanager/ui/main_window.py" line="192" />
        <source>About recmanager</source>
        <translation>À propos de recmanager</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="82" />
        <source>Main toolbar</source>
        <translation>Barre d'outils principale</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="89" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="93" />
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="95" />
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="102" />
        <source>Recordings</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="105" />
        <source>Select a recording to see its details.</source>
        <translation>Sélectionnez un enregistrement pour voir ses détails.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="117" />
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="168" />
        <source>No profile</source>
        <translation>Aucun profil</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="172" />
        <source>(TLS verification OFF)</source>
        <translation>(vérification TLS DÉSACTIVÉE)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/main_window.py" line="194" />
        <source>&lt;b&gt;recmanager {version}&lt;/b&gt;&lt;p&gt;Recordings and recorders of Esup-Pod, for lecture-capture teams.&lt;/p&gt;</source>
        <translation>&lt;b&gt;recmanager {version}&lt;/b&gt;&lt;p&gt;Enregistrements et enregistreurs d'Esup-Pod, pour les équipes de captation des cours.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="47" />
        <source>Connection profiles</source>
        <translation>Profils de connexion</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="66" />
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="69" />
        <source>New profile</source>
        <translation>Nouveau profil</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="75" />
        <source>Pod server</source>
        <translation>Serveur Pod</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="79" />
        <location filename="../../recmanager/ui/dialogs/profile.py" line="207" />
        <source>REST token (from Pod's admin)</source>
        <translation>jeton REST (depuis l'administration de Pod)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="80" />
        <source>Verify the server's TLS certificate</source>
        <translation>Vérifier le certificat TLS du serveur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="83" />
        <source>optional CA bundle file</source>
        <translation>fichier d'autorités de certification (facultatif)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="84" />
        <source>for actions REST cannot do</source>
        <translation>pour les actions impossibles en REST</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="89" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="90" />
        <source>Pod address</source>
        <translation>Adresse de Pod</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="91" />
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="93" />
        <source>CA bundle</source>
        <translation>Autorités de certification</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="94" />
        <source>Web login</source>
        <translation>Identifiant web</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="95" />
        <source>Web password</source>
        <translation>Mot de passe web</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="96" />
        <source>Preview base URL</source>
        <translation>URL de base de l'aperçu</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="99" />
        <source>Deposit folder</source>
        <translation>Dossier de dépôt</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="102" />
        <source>SFTP</source>
        <translation>SFTP</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="103" />
        <location filename="../../recmanager/ui/dialogs/profile.py" line="133" />
        <source>Mounted folder</source>
        <translation>Dossier monté</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="110" />
        <location filename="../../recmanager/ui/dialogs/profile.py" line="130" />
        <source>Key file</source>
        <translation>Fichier de clé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="111" />
        <source>SSH agent</source>
        <translation>Agent SSH</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="112" />
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="115" />
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="120" />
        <source>password or key passphrase</source>
        <translation>mot de passe ou phrase de passe de la clé</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="123" />
        <source>mounted folder</source>
        <translation>dossier monté</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="124" />
        <source>optional Bento4 folder</source>
        <translation>dossier de Bento4 (facultatif)</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="125" />
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="126" />
        <source>SFTP host</source>
        <translation>Hôte SFTP</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="127" />
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="128" />
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="129" />
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="131" />
        <source>Password / passphrase</source>
        <translation>Mot de passe / phrase de passe</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="132" />
        <source>Deposit root on the server</source>
        <translation>Racine du dépôt sur le serveur</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="134" />
        <source>Bento4 folder</source>
        <translation>Dossier de Bento4</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="138" />
        <source>TLS verification is OFF for this profile: anyone on the network path could read the token.</source>
        <translation>La vérification TLS est DÉSACTIVÉE pour ce profil : n'importe qui sur le chemin réseau pourrait lire le jeton.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="148" />
        <source>Connection test results</source>
        <translation>Résultats du test de connexion</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="155" />
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="205" />
        <source>stored in the keyring</source>
        <translation>enregistré dans le trousseau</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="253" />
        <source>SSH private key</source>
        <translation>Clé privée SSH</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="265" />
        <location filename="../../recmanager/ui/dialogs/profile.py" line="268" />
        <source>Profile not saved</source>
        <translation>Profil non enregistré</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="273" />
        <source>No keyring</source>
        <translation>Pas de trousseau</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="275" />
        <source>No system keyring is available: the secrets are kept in memory until recmanager quits, and you will be asked for them again next time.</source>
        <translation>Aucun trousseau système n'est disponible : les secrets sont gardés en mémoire jusqu'à la fermeture de recmanager et vous seront redemandés la prochaine fois.</translation>
    </message>
    <message>
        <location filename="../../recmanager/ui/dialogs/profile.py" line="288" />
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <location filename="../../recmanager/config.py" line="88" />
        <source>The settings file {path} cannot be read: {error}</source>
        <translation>Le fichier de réglages {path} est illisible : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="91" />
        <source>Fix or remove the file, then start recmanager again.</source>
        <translation>Corrigez ou supprimez ce fichier, puis relancez recmanager.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="127" />
        <source>A name is required.</source>
        <translation>Un nom est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="131" />
        <source>The Pod address must start with https:// (or http://).</source>
        <translation>L'adresse de Pod doit commencer par https:// (ou http://).</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="136" />
        <source>The SFTP host is required.</source>
        <translation>L'hôte SFTP est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="140" />
        <source>The SFTP port must be between 1 and 65535.</source>
        <translation>Le port SFTP doit être compris entre 1 et 65535.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="144" />
        <source>The local deposit folder is required.</source>
        <translation>Le dossier de dépôt local est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="148" />
        <source>The deposit root is an absolute path on the Pod server.</source>
        <translation>La racine du dépôt est un chemin absolu sur le serveur Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="154" />
        <source>The profile "{name}" is not complete.</source>
        <translation>Le profil « {name} » est incomplet.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="179" />
        <source>The profiles file {path} is not valid.</source>
        <translation>Le fichier de profils {path} n'est pas valide.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="196" />
        <source>There is no profile named "{name}".</source>
        <translation>Il n'existe aucun profil nommé « {name} ».</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="197" />
        <source>Create it in the profile dialog, or check the name.</source>
        <translation>Créez-le dans la fenêtre des profils, ou vérifiez le nom.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="329" />
        <source>The settings file was written by a newer recmanager.</source>
        <translation>Le fichier de réglages a été écrit par une version plus récente de recmanager.</translation>
    </message>
</context>
<context>
    <name>connection</name>
    <message>
        <location filename="../../recmanager/connection.py" line="31" />
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="35" />
        <source>The name {host} cannot be resolved ({error}). Check the Pod address.</source>
        <translation>Le nom {host} ne peut pas être résolu ({error}). Vérifiez l'adresse de Pod.</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="38" />
        <source>{host} is {address}.</source>
        <translation>{host} correspond à {address}.</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="40" />
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="44" />
        <source>Port {port} of {host} does not answer ({error}).</source>
        <translation>Le port {port} de {host} ne répond pas ({error}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="48" />
        <source>Port {port} answers.</source>
        <translation>Le port {port} répond.</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="52" />
        <source>The address uses http://: the token travels unencrypted.</source>
        <translation>L'adresse utilise http:// : le jeton circule sans chiffrement.</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="62" />
        <source>Certificate verified ({version}).</source>
        <translation>Certificat vérifié ({version}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="63" />
        <source>Verification is turned OFF for this profile.</source>
        <translation>La vérification est DÉSACTIVÉE pour ce profil.</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="67" />
        <source>The certificate is not trusted: {reason}. Give the CA bundle of your university in the profile.</source>
        <translation>Le certificat n'est pas reconnu : {reason}. Indiquez dans le profil le fichier d'autorités de certification de votre université.</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="71" />
        <source>The TLS handshake failed: {error}</source>
        <translation>La négociation TLS a échoué : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="89" />
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="97" />
        <source>Deposit</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <location filename="../../recmanager/connection.py" line="101" />
        <source>{count} recorder folders under {root}.</source>
        <translation>{count} dossiers d'enregistreurs sous {root}.</translation>
    </message>
</context>
<context>
    <name>context</name>
    <message>
        <location filename="../../recmanager/context.py" line="55" />
        <source>No connection profile is set up.</source>
        <translation>Aucun profil de connexion n'est configuré.</translation>
    </message>
    <message>
        <location filename="../../recmanager/context.py" line="56" />
        <source>Create one in the application, pass --profile NAME, or set RECMANAGER_POD_URL and RECMANAGER_POD_TOKEN.</source>
        <translation>Créez-en un dans l'application, passez --profile NOM, ou définissez RECMANAGER_POD_URL et RECMANAGER_POD_TOKEN.</translation>
    </message>
    <message>
        <location filename="../../recmanager/context.py" line="73" />
        <source>RECMANAGER_POD_URL is set but RECMANAGER_POD_TOKEN is not.</source>
        <translation>RECMANAGER_POD_URL est défini mais pas RECMANAGER_POD_TOKEN.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../recmanager/errors.py" line="29" />
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
</context>
<context>
    <name>media</name>
    <message>
        <location filename="../../recmanager/media.py" line="24" />
        <source>The bundled FFmpeg is missing: {error}</source>
        <translation>Le FFmpeg fourni avec recmanager est introuvable : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/media.py" line="25" />
        <source>Reinstall recmanager.</source>
        <translation>Réinstallez recmanager.</translation>
    </message>
</context>
<context>
    <name>secrets</name>
    <message>
        <location filename="../../recmanager/secrets.py" line="79" />
        <source>The system keyring could not be read.</source>
        <translation>Le trousseau système n'a pas pu être lu.</translation>
    </message>
    <message>
        <location filename="../../recmanager/secrets.py" line="80" />
        <source>Unlock the keyring, then try again.</source>
        <translation>Déverrouillez le trousseau, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <location filename="../../recmanager/config.py" line="249" />
        <source>Refresh the inbox every (seconds)</source>
        <translation>Actualiser la boîte de réception toutes les (secondes)</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="250" />
        <source>0 turns the automatic refresh off; F5 always refreshes.</source>
        <translation>0 désactive l'actualisation automatique ; F5 actualise toujours.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="258" />
        <source>An upload is complete after (seconds without change)</source>
        <translation>Un dépôt est complet après (secondes sans changement)</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="259" />
        <source>A deposited file counts as complete once its size and date have not changed for this long.</source>
        <translation>Un fichier déposé est considéré complet lorsque sa taille et sa date n'ont pas changé pendant cette durée.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="271" />
        <source>Keep quarantined files for (days)</source>
        <translation>Conserver les fichiers en quarantaine pendant (jours)</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="272" />
        <source>Deleted recordings stay in the quarantine folder this long for Undo.</source>
        <translation>Les enregistrements supprimés restent ce temps dans le dossier de quarantaine pour pouvoir être restaurés.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="282" />
        <source>Parallel requests for bulk assignment</source>
        <translation>Requêtes parallèles pour l'attribution en masse</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="283" />
        <source>How many claims run at once; 1 runs them one by one.</source>
        <translation>Nombre de revendications simultanées ; 1 les exécute une par une.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="291" />
        <source>Job events webhook</source>
        <translation>Webhook des événements de tâches</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="292" />
        <source>Each job event is POSTed there as JSON. Leave empty to send nothing.</source>
        <translation>Chaque événement de tâche y est envoyé en JSON (POST). Laissez vide pour ne rien envoyer.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="300" />
        <source>Desktop notifications</source>
        <translation>Notifications de bureau</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="301" />
        <source>Tell me when recordings become claimable and when a job ends.</source>
        <translation>Me prévenir quand des enregistrements deviennent revendicables et quand une tâche se termine.</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="309" />
        <source>Show an icon in the system tray</source>
        <translation>Afficher une icône dans la zone de notification</translation>
    </message>
    <message>
        <location filename="../../recmanager/config.py" line="310" />
        <source>The icon shows how many recordings are claimable.</source>
        <translation>L'icône indique combien d'enregistrements sont revendicables.</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <location filename="../../recmanager/store/db.py" line="81" />
        <source>The database {path} is in use by another program.</source>
        <translation>La base de données {path} est utilisée par un autre programme.</translation>
    </message>
    <message>
        <location filename="../../recmanager/store/db.py" line="84" />
        <source>Close the other recmanager window (or program), then try again.</source>
        <translation>Fermez l'autre fenêtre de recmanager (ou l'autre programme), puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../recmanager/store/db.py" line="90" />
        <source>The database {path} is damaged or is not a recmanager database.</source>
        <translation>La base de données {path} est endommagée ou n'est pas une base de recmanager.</translation>
    </message>
    <message>
        <location filename="../../recmanager/store/db.py" line="92" />
        <source>Move the file away (recmanager then starts with an empty one) or restore a backup copy from the same folder.</source>
        <translation>Déplacez ce fichier (recmanager repartira d'une base vide) ou restaurez une copie de sauvegarde du même dossier.</translation>
    </message>
    <message>
        <location filename="../../recmanager/store/db.py" line="99" />
        <source>The database {path} cannot be used: {error}</source>
        <translation>La base de données {path} est inutilisable : {error}</translation>
    </message>
    <message>
        <location filename="../../recmanager/store/db.py" line="148" />
        <source>The database {path} was written by a newer recmanager (schema {found}, this version knows {known}).</source>
        <translation>La base de données {path} a été écrite par une version plus récente de recmanager (schéma {found}, cette version connaît {known}).</translation>
    </message>
    <message>
        <location filename="../../recmanager/store/db.py" line="153" />
        <source>Install the newer recmanager again, or start this one with another data folder.</source>
        <translation>Réinstallez la version plus récente de recmanager, ou lancez celle-ci avec un autre dossier de données.</translation>
    </message>
</context>
</TS>