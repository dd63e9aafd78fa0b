<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>BenchmarkPanel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Show the &amp;benchmark</source>
        <translation>Afficher la ré&amp;férence</translation>
    </message>
    <message>
        <source>Benchmark from a &amp;CSV…</source>
        <translation>Référence depuis un &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Hide the benchmark</source>
        <translation>&amp;Masquer la référence</translation>
    </message>
    <message>
        <source>e.g. employees in the Netherlands, CBS 2025</source>
        <translation>p. ex. salariés aux Pays-Bas, CBS 2025</translation>
    </message>
    <message>
        <source>Name of the benchmark</source>
        <translation>Nom de la référence</translation>
    </message>
    <message>
        <source>Benchmark file</source>
        <translation>Fichier de référence</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>Tableaux (*.csv *.xlsx)</translation>
    </message>
</context>
<context>
    <name>BreakdownSection</name>
    <message>
        <source>Age (band at the reference date)</source>
        <translation>Âge (tranche à la date de référence)</translation>
    </message>
    <message>
        <source>Year of entry (band)</source>
        <translation>Année d&apos;entrée en service (tranche)</translation>
    </message>
    <message>
        <source>Type increasing whole numbers separated by commas, such as 35, 50.</source>
        <translation>Saisissez des nombres entiers croissants séparés par des virgules, par exemple 35, 50.</translation>
    </message>
    <message>
        <source>minimum %1</source>
        <translation>minimum %1</translation>
    </message>
    <message>
        <source>Subgroup sizes of %1</source>
        <translation>Taille des sous-groupes de %1</translation>
    </message>
    <message>
        <source>%1: %2 employees</source>
        <translation>%1 : %2 salariés</translation>
    </message>
    <message>
        <source>%1 subgroups are smaller than %2:</source>
        <translation>%1 sous-groupes comptent moins de %2 personnes :</translation>
    </message>
    <message>
        <source>Every subgroup has at least %1 employees.</source>
        <translation>Chaque sous-groupe compte au moins %1 salariés.</translation>
    </message>
    <message>
        <source>• %1 (%2)</source>
        <translation>• %1 (%2)</translation>
    </message>
    <message>
        <source>• %1 (%2): %3</source>
        <translation>• %1 (%2) : %3</translation>
    </message>
    <message>
        <source>Merged subgroups:</source>
        <translation>Sous-groupes regroupés :</translation>
    </message>
    <message>
        <source>Merge &amp;into</source>
        <translation>&amp;Regrouper avec</translation>
    </message>
    <message>
        <source>the smallest other subgroup</source>
        <translation>le plus petit autre sous-groupe</translation>
    </message>
    <message>
        <source>one group “%1”</source>
        <translation>un groupe « %1 »</translation>
    </message>
    <message>
        <source>How to merge small subgroups of %1</source>
        <translation>Comment regrouper les petits sous-groupes de %1</translation>
    </message>
    <message>
        <source>&amp;Apply merge suggestion</source>
        <translation>&amp;Appliquer le regroupement proposé</translation>
    </message>
    <message>
        <source>Apply merge suggestion for %1</source>
        <translation>Appliquer la proposition de regroupement pour %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>A&amp;nnuler le regroupement</translation>
    </message>
    <message>
        <source>Undo the last merge of %1</source>
        <translation>Annuler le dernier regroupement de %1</translation>
    </message>
    <message>
        <source>Band &amp;edges</source>
        <translation>&amp;Bornes des tranches</translation>
    </message>
    <message>
        <source>The lowest value of every band after the first, such as 35, 50.</source>
        <translation>La plus petite valeur de chaque tranche après la première, par exemple 35, 50.</translation>
    </message>
    <message>
        <source>Band edges of %1</source>
        <translation>Bornes des tranches de %1</translation>
    </message>
    <message>
        <source>Merge two neighbouring bands…</source>
        <translation>Regrouper deux tranches voisines…</translation>
    </message>
    <message>
        <source>Merge two neighbouring bands of %1</source>
        <translation>Regrouper deux tranches voisines de %1</translation>
    </message>
</context>
<context>
    <name>BusyBar</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <source>Protecting the table…</source>
        <translation>Protection du tableau…</translation>
    </message>
    <message>
        <source>No staff file is needed for this programme. Your choices are saved as a draft.</source>
        <translation>Ce programme ne demande pas de fichier du personnel. Vos choix sont enregistrés comme brouillon.</translation>
    </message>
    <message>
        <source>You chose no breakdowns: there are no subgroups to check.</source>
        <translation>Vous n’avez choisi aucune ventilation : il n’y a pas de sous-groupes à vérifier.</translation>
    </message>
    <message>
        <source>%1 needs at least %2 employees in every subgroup, otherwise colleagues in a small group could be recognised. Merge the small subgroups of “%3” to continue.</source>
        <translation>%1 exige au moins %2 salariés par sous-groupe, sinon les collègues d’un petit groupe pourraient être reconnus. Regroupez les petits sous-groupes de « %3 » pour continuer.</translation>
    </message>
    <message>
        <source>Every subgroup is large enough. You can continue.</source>
        <translation>Chaque sous-groupe est assez grand. Vous pouvez continuer.</translation>
    </message>
    <message>
        <source>Safe categories</source>
        <translation>Catégories sûres</translation>
    </message>
    <message>
        <source>Small subgroups are merged so that no colleague can be recognised in them.</source>
        <translation>Les petits sous-groupes sont regroupés pour que personne n’y soit reconnaissable.</translation>
    </message>
    <message>
        <source>The programme asks at least %1 employees per subgroup. The dashed line marks that minimum; red bars are below it.</source>
        <translation>Le programme demande au moins %1 salariés par sous-groupe. La ligne pointillée marque ce minimum ; les barres rouges sont en dessous.</translation>
    </message>
    <message>
        <source>Employees counted per subgroup.</source>
        <translation>Salariés comptés par sous-groupe.</translation>
    </message>
</context>
<context>
    <name>CategoryTableModel</name>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Hidden: fewer than %1 employees</source>
        <translation>Masqué : moins de %1 membres du personnel</translation>
    </message>
    <message>
        <source>Hidden as well, so that the other hidden cells cannot be worked out</source>
        <translation>Masqué aussi, pour que les autres cellules masquées ne puissent pas être recalculées</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Membres du personnel</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <source>%1 of %2 conditions still to confirm, with the name of who confirmed it.</source>
        <translation>Encore %1 conditions sur %2 à confirmer, avec le nom de la personne qui confirme.</translation>
    </message>
    <message>
        <source>All conditions are confirmed.</source>
        <translation>Toutes les conditions sont confirmées.</translation>
    </message>
    <message>
        <source>Conditions before anything is sent</source>
        <translation>Conditions avant tout envoi</translation>
    </message>
    <message>
        <source>Confirm each condition only when it has really been met in your organisation.</source>
        <translation>Ne confirmez une condition que lorsqu’elle est réellement remplie dans votre organisation.</translation>
    </message>
    <message>
        <source>The programme sets these conditions. Your confirmations, with date and name, go into the package summary so the receiving office can see them.</source>
        <translation>Le programme fixe ces conditions. Vos confirmations, avec date et nom, figurent dans le résumé du paquet afin que l’organisme destinataire puisse les voir.</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmé</translation>
    </message>
    <message>
        <source>Confirmed: %1</source>
        <translation>Confirmé : %1</translation>
    </message>
    <message>
        <source>on</source>
        <translation>le</translation>
    </message>
    <message>
        <source>Date of confirmation</source>
        <translation>Date de confirmation</translation>
    </message>
    <message>
        <source>by</source>
        <translation>par</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Confirmed by (name)</source>
        <translation>Confirmé par (nom)</translation>
    </message>
</context>
<context>
    <name>CloseQuestion</name>
    <message>
        <source>Not sent yet</source>
        <translation>Pas encore envoyé</translation>
    </message>
    <message>
        <source>Not sent yet — close anyway?</source>
        <translation>Pas encore envoyé — fermer quand même ?</translation>
    </message>
    <message>
        <source>Your draft and the file are kept: %1. Open the assistant again and it continues where you left off, so you can still send it.</source>
        <translation>Votre brouillon et le fichier sont conservés : %1. Rouvrez l&apos;assistant et vous reprenez là où vous en étiez, pour pouvoir encore l&apos;envoyer.</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Rester</translation>
    </message>
    <message>
        <source>&amp;Close anyway</source>
        <translation>&amp;Fermer quand même</translation>
    </message>
</context>
<context>
    <name>CrossingView</name>
    <message>
        <source>Smallest cell (%1): about %2 people expected, at least %3 needed.</source>
        <translation>Plus petite cellule (%1) : environ %2 personnes attendues, au moins %3 nécessaires.</translation>
    </message>
    <message>
        <source>Too small: the smallest cell (%1) is expected to hold less than one person (about %2 on average), fewer than %3.</source>
        <translation>Trop petit : la plus petite cellule (%1) ne devrait compter même pas une personne (environ %2 en moyenne), moins de %3.</translation>
    </message>
    <message>
        <source>Too small: the smallest cell (%1) is expected to hold only about %2 people, fewer than %3.</source>
        <translation>Trop petit : la plus petite cellule (%1) ne devrait compter qu&apos;environ %2 personnes, moins de %3.</translation>
    </message>
    <message>
        <source>Proposal %1 (smallest cell then about %2):</source>
        <translation>Proposition %1 (plus petite cellule alors d&apos;environ %2) :</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Apply proposal %1</source>
        <translation>Appliquer la proposition %1</translation>
    </message>
    <message>
        <source>No coarser grouping passes: leave out a characteristic on the Decisions page, or ask the KSZ or Unia for advice.</source>
        <translation>Aucune répartition plus large ne suffit : retirez une caractéristique à la page Décisions, ou demandez conseil à la BCSS ou à Unia.</translation>
    </message>
</context>
<context>
    <name>DeliveredPanel</name>
    <message>
        <source>Deleted from this computer on %1; noted in your record.</source>
        <translation>Supprimé de cet ordinateur le %1 ; c’est noté dans votre rapport.</translation>
    </message>
    <message>
        <source>You confirmed the upload on %1. Your record and the summary PDF say so.</source>
        <translation>Vous avez confirmé le dépôt le %1. C’est noté dans votre rapport et dans le résumé PDF.</translation>
    </message>
    <message>
        <source>You confirmed the hand-over on %1. Your record and the summary PDF say so.</source>
        <translation>Vous avez confirmé la remise le %1. C’est noté dans votre rapport et dans le résumé PDF.</translation>
    </message>
    <message>
        <source>Upload it in the office&apos;s portal</source>
        <translation>Le déposer sur le portail de l’organisme</translation>
    </message>
    <message>
        <source>Log in to the office&apos;s portal in your browser and upload the file shown above (use Show in folder to find it). Then come back here and confirm.</source>
        <translation>Connectez-vous au portail de l’organisme dans votre navigateur et déposez-y le fichier indiqué ci-dessus (« Afficher dans le dossier » vous le montre). Revenez ensuite ici pour confirmer.</translation>
    </message>
    <message>
        <source>I have uploade&amp;d it</source>
        <translation>&amp;Je l’ai déposé</translation>
    </message>
    <message>
        <source>Deliver it to the office</source>
        <translation>Le remettre à l’organisme</translation>
    </message>
    <message>
        <source>Deliver the file shown above the way you agreed with the office. Then come back here and confirm.</source>
        <translation>Remettez le fichier indiqué ci-dessus de la manière convenue avec l’organisme. Revenez ensuite ici pour confirmer.</translation>
    </message>
    <message>
        <source>I have han&amp;ded it over</source>
        <translation>&amp;Je l’ai remis</translation>
    </message>
    <message>
        <source>Use the portal address from the office&apos;s e-mail, with the login it sent you.</source>
        <translation>Utilisez l’adresse du portail indiquée dans l’e-mail de l’organisme, avec l’identifiant reçu.</translation>
    </message>
    <message>
        <source>&amp;Open the office&apos;s portal</source>
        <translation>O&amp;uvrir le portail de l’organisme</translation>
    </message>
    <message>
        <source>The file holds personal data; once the office has it, you can delete it here. It is overwritten, then removed. Copies on SSD drives, in backups or in synced folders (such as OneDrive) may remain.</source>
        <translation>Le fichier contient des données personnelles ; une fois que l’organisme l’a reçu, vous pouvez le supprimer ici. Il est d’abord écrasé, puis supprimé. Des copies peuvent subsister sur un disque SSD, dans des sauvegardes ou dans des dossiers synchronisés (comme OneDrive).</translation>
    </message>
    <message>
        <source>Dele&amp;te the file from this computer</source>
        <translation>Supprimer le fichier de cet &amp;ordinateur</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Demo: nothing leaves this computer; the &apos;office&apos; is a test server inside the assistant.</source>
        <translation>Démo : rien ne quitte cet ordinateur ; l’« organisme » est un serveur de test intégré à l’assistant.</translation>
    </message>
    <message>
        <source>DEMO - %1</source>
        <translation>DÉMO - %1</translation>
    </message>
</context>
<context>
    <name>DiversityWizard</name>
    <message>
        <source>Diversity Assistant</source>
        <translation>Assistant diversité</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&lt; &amp;Go to the first step</source>
        <translation>&lt; A&amp;ller à la première étape</translation>
    </message>
    <message>
        <source>Help for this step (F1)</source>
        <translation>Aide pour cette étape (F1)</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Langue : %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <source>Motivation</source>
        <translation>Motivation</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Staff file</source>
        <translation>Fichier du personnel</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Contrôles</translation>
    </message>
    <message>
        <source>Safe categories</source>
        <translation>Catégories sûres</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Récapitulatif</translation>
    </message>
    <message>
        <source>Make the file</source>
        <translation>Créer le fichier</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Sent: the office&apos;s server has the file.</source>
        <translation>Envoyé : le serveur de l&apos;organisme a le fichier.</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Envoyé à</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>SHA-256 on the server</source>
        <translation>SHA-256 sur le serveur</translation>
    </message>
    <message>
        <source>Sent: you confirmed that the office has the file.</source>
        <translation>Envoyé : vous avez confirmé que l&apos;organisme a le fichier.</translation>
    </message>
    <message>
        <source>Confirmed on</source>
        <translation>Confirmé le</translation>
    </message>
    <message>
        <source>SHA-256 of the file</source>
        <translation>SHA-256 du fichier</translation>
    </message>
    <message>
        <source>Not sent yet: the office does not have the file.</source>
        <translation>Pas encore envoyé : l&apos;organisme n&apos;a pas encore le fichier.</translation>
    </message>
    <message>
        <source>The file is saved at</source>
        <translation>Le fichier est enregistré ici</translation>
    </message>
    <message>
        <source>Not sent yet: no file for the office was made.</source>
        <translation>Pas encore envoyé : aucun fichier pour l&apos;organisme n&apos;a été créé.</translation>
    </message>
    <message>
        <source>Your draft is kept. Open the assistant again and it continues where you left off: send the file in the Send step, in the office&apos;s portal, or with the command diversity-assistant upload (diversity-assistant delivered once you handed it in).</source>
        <translation>Votre brouillon est conservé. Rouvrez l&apos;assistant et vous reprenez là où vous en étiez : envoyez le fichier à l&apos;étape Envoyer, dans le portail de l&apos;organisme, ou avec la commande diversity-assistant upload (diversity-assistant delivered une fois le fichier remis).</translation>
    </message>
    <message>
        <source>Go Back to make the file; your draft is kept.</source>
        <translation>Revenez en arrière pour créer le fichier ; votre brouillon est conservé.</translation>
    </message>
    <message>
        <source>Your journey through the office&apos;s steps was not updated: %1</source>
        <translation>Vos étapes auprès de l&apos;organisme n&apos;ont pas été mises à jour : %1</translation>
    </message>
    <message>
        <source>Your mail program opens with the e-mail. You can also copy the text below into an e-mail to %1.</source>
        <translation>Votre messagerie s&apos;ouvre avec l&apos;e-mail. Vous pouvez aussi copier le texte ci-dessous dans un e-mail à %1.</translation>
    </message>
    <message>
        <source>Copy the text below into an e-mail to %1.</source>
        <translation>Copiez le texte ci-dessous dans un e-mail à %1.</translation>
    </message>
    <message>
        <source>The e-mail&apos;s text is copied.</source>
        <translation>Le texte de l&apos;e-mail est copié.</translation>
    </message>
    <message>
        <source>Choose the folder for the answers</source>
        <translation>Choisissez le dossier pour les réponses</translation>
    </message>
    <message>
        <source>The answers could not be saved: %1</source>
        <translation>Les réponses n&apos;ont pas pu être enregistrées : %1</translation>
    </message>
    <message>
        <source>The answers are saved in %1.</source>
        <translation>Les réponses sont enregistrées dans %1.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Whether the file reached the office, and what happens there next.</source>
        <translation>Si le fichier est arrivé à l&apos;organisme, et ce qui s&apos;y passe ensuite.</translation>
    </message>
    <message>
        <source>Your file</source>
        <translation>Votre fichier</translation>
    </message>
    <message>
        <source>What happens next at the office</source>
        <translation>Ce qui se passe ensuite à l&apos;organisme</translation>
    </message>
    <message>
        <source>Open the summary &amp;PDF</source>
        <translation>Ouvrir le résu&amp;mé PDF</translation>
    </message>
    <message>
        <source>&amp;Show the folder</source>
        <translation>Afficher le &amp;dossier</translation>
    </message>
    <message>
        <source>Documents for CBS</source>
        <translation>Documents pour le CBS</translation>
    </message>
    <message>
        <source>CBS asks for a sign-up e-mail and your answers for its application form. The assistant drafts both, in Dutch, from your choices: the e-mail opens in your mail program, the answers are saved as PDF and ODT to copy into the form.</source>
        <translation>Le CBS demande un e-mail d&apos;inscription et vos réponses pour son formulaire de demande. L&apos;assistant rédige les deux, en néerlandais, à partir de vos choix : l&apos;e-mail s&apos;ouvre dans votre messagerie, les réponses sont enregistrées en PDF et ODT pour les recopier dans le formulaire.</translation>
    </message>
    <message>
        <source>Save the &amp;answers…</source>
        <translation>Enregistrer les &amp;réponses…</translation>
    </message>
    <message>
        <source>Save the answers for CBS&apos;s application form</source>
        <translation>Enregistrer les réponses pour le formulaire de demande du CBS</translation>
    </message>
    <message>
        <source>Write the sign-up &amp;e-mail</source>
        <translation>Rédiger l&apos;&amp;e-mail d&apos;inscription</translation>
    </message>
    <message>
        <source>Cop&amp;y the text</source>
        <translation>Cop&amp;ier le texte</translation>
    </message>
</context>
<context>
    <name>EncryptPage</name>
    <message>
        <source>Encrypted package (*.p7m)</source>
        <translation>Paquet chiffré (*.p7m)</translation>
    </message>
    <message>
        <source>OpenPGP encrypted file (*.gpg)</source>
        <translation>Fichier chiffré avec OpenPGP (*.gpg)</translation>
    </message>
    <message>
        <source>7-Zip archive (*.7z)</source>
        <translation>Archive 7-Zip (*.7z)</translation>
    </message>
    <message>
        <source>The office&apos;s file (*%1)</source>
        <translation>Fichier pour l’organisme (*%1)</translation>
    </message>
    <message>
        <source>Save the file for the office</source>
        <translation>Enregistrer le fichier pour l’organisme</translation>
    </message>
    <message>
        <source>Saving the file…</source>
        <translation>Enregistrement du fichier…</translation>
    </message>
    <message>
        <source>Making the archive…</source>
        <translation>Création de l’archive…</translation>
    </message>
    <message>
        <source>Encrypting…</source>
        <translation>Chiffrement en cours…</translation>
    </message>
    <message>
        <source>The package is signed and encrypted for the office: %1 rows.</source>
        <translation>Le paquet est signé et chiffré pour l’organisme destinataire : %1 lignes.</translation>
    </message>
    <message>
        <source>The file is signed and encrypted for the office&apos;s OpenPGP key: %1 rows.</source>
        <translation>Le fichier est signé et chiffré pour la clé OpenPGP de l’organisme : %1 lignes.</translation>
    </message>
    <message>
        <source>The archive is made and locked with a passphrase: %1 rows.</source>
        <translation>L’archive est créée et protégée par une phrase secrète : %1 lignes.</translation>
    </message>
    <message>
        <source>The file for the office is saved: %1 rows.</source>
        <translation>Le fichier pour l’organisme est enregistré : %1 lignes.</translation>
    </message>
    <message>
        <source>The file is checked once more and saved as the office asks for it, with a record and a summary PDF for your files.</source>
        <translation>Le fichier est vérifié une dernière fois et enregistré comme l’organisme le demande, avec un rapport et un résumé PDF pour vos dossiers.</translation>
    </message>
    <message>
        <source>The office&apos;s file is saved as it is, readable: its portal&apos;s secure connection protects it on the way. Delete it once the office has it.</source>
        <translation>Le fichier est enregistré lisible, tel que l’organisme le demande : la connexion sécurisée du portail le protège en chemin. Supprimez-le dès que l’organisme l’a reçu.</translation>
    </message>
    <message>
        <source>Sa&amp;ve the file for the portal</source>
        <translation>E&amp;nregistrer le fichier pour le portail</translation>
    </message>
    <message>
        <source>Sa&amp;ve the file</source>
        <translation>E&amp;nregistrer le fichier</translation>
    </message>
    <message>
        <source>The file is checked once more and put in a 7-Zip archive locked with a passphrase that only you and the office will know.</source>
        <translation>Le fichier est vérifié une dernière fois et placé dans une archive 7-Zip protégée par une phrase secrète que seuls vous et l’organisme connaîtrez.</translation>
    </message>
    <message>
        <source>Only the locked archive (.7z), a record and a summary PDF for your files are written; no readable copy of the employee data.</source>
        <translation>Seuls l’archive protégée (.7z), un rapport et un résumé PDF pour vos dossiers sont enregistrés ; aucune copie lisible des données du personnel.</translation>
    </message>
    <message>
        <source>&amp;Make the archive</source>
        <translation>C&amp;réer l’archive</translation>
    </message>
    <message>
        <source>Only the encrypted package (%1), a record and a summary PDF for your files are written; no readable copy of the employee data.</source>
        <translation>Seuls le paquet chiffré (%1), un rapport et un résumé PDF pour vos dossiers sont enregistrés ; aucune copie lisible des données du personnel.</translation>
    </message>
    <message>
        <source>The file is checked once more, signed with your organisation&apos;s key and encrypted so that only the office can open it.</source>
        <translation>Le fichier est vérifié une dernière fois, signé avec la clé de votre organisation et chiffré pour que seul l’organisme destinataire puisse l’ouvrir.</translation>
    </message>
    <message>
        <source>&amp;Save as</source>
        <translation>&amp;Enregistrer sous</translation>
    </message>
    <message>
        <source>&amp;Encrypt and sign</source>
        <translation>&amp;Chiffrer et signer</translation>
    </message>
    <message>
        <source>Your organisation&apos;s OpenPGP key (fingerprint): the office checks with it that the file comes from you</source>
        <translation>La clé OpenPGP de votre organisation (empreinte) : l’organisme vérifie avec elle que le fichier vient de vous</translation>
    </message>
    <message>
        <source>Where to save the file</source>
        <translation>Où enregistrer le fichier</translation>
    </message>
    <message>
        <source>Where to save the file for the office</source>
        <translation>Où enregistrer le fichier pour l’organisme</translation>
    </message>
    <message>
        <source>Choose where to save the file for the office</source>
        <translation>Choisir où enregistrer le fichier pour l’organisme</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Your organisation&apos;s signing certificate (SHA-256): register this fingerprint with the office, so it can verify that the package comes from you</source>
        <translation>Certificat de signature de votre organisation (SHA-256) : communiquez cette empreinte à l’organisme destinataire, pour qu’il puisse vérifier que le paquet vient de vous</translation>
    </message>
    <message>
        <source>Make the file</source>
        <translation>Créer le fichier</translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>SHA-256 of the file</source>
        <translation>SHA-256 du fichier</translation>
    </message>
    <message>
        <source>The passphrase of the archive:</source>
        <translation>La phrase secrète de l’archive :</translation>
    </message>
    <message>
        <source>The passphrase of the archive</source>
        <translation>La phrase secrète de l’archive</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Cop&amp;ier</translation>
    </message>
    <message>
        <source>Copy the passphrase</source>
        <translation>Copier la phrase secrète</translation>
    </message>
    <message>
        <source>Give it to the office by phone, never in the same e-mail as the file. It is not kept: write it down now if you need it.</source>
        <translation>Communiquez-la à l’organisme par téléphone, jamais dans le même e-mail que le fichier. Elle n’est conservée nulle part : notez-la maintenant si vous en avez besoin.</translation>
    </message>
    <message>
        <source>Open summary &amp;PDF</source>
        <translation>Ouvrir le résu&amp;mé PDF</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Afficher dans le &amp;dossier</translation>
    </message>
</context>
<context>
    <name>FetchDialog</name>
    <message>
        <source>Fetch the office&apos;s tables</source>
        <translation>Récupérer les tableaux de l’organisme</translation>
    </message>
    <message>
        <source>The address the office gave for its SFTP server, with your login name: sftp://name@server/folder. The server&apos;s key is checked as for an upload.</source>
        <translation>L’adresse que l’organisme a donnée pour son serveur SFTP, avec votre identifiant : sftp://nom@serveur/dossier. La clé du serveur est vérifiée comme pour un envoi.</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Mot de &amp;passe</translation>
    </message>
    <message>
        <source>&amp;Key file (instead of a password)</source>
        <translation>Fichier de &amp;clé (au lieu d’un mot de passe)</translation>
    </message>
    <message>
        <source>&amp;Host key (when the office gave it)</source>
        <translation>Clé d’&amp;hôte (si l’organisme l’a donnée)</translation>
    </message>
    <message>
        <source>&amp;Fetch and import</source>
        <translation>&amp;Récupérer et importer</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>Récupération…</translation>
    </message>
    <message>
        <source>This is the first connection to %1 (port %2). Compare the fingerprint of its key with the one the office gave you. Confirm only if every character matches.</source>
        <translation>C’est la première connexion à %1 (port %2). Comparez l’empreinte de sa clé avec celle que vous a donnée l’organisme. Ne confirmez que si chaque caractère est identique.</translation>
    </message>
</context>
<context>
    <name>FieldHelp</name>
    <message>
        <source>What does “%1” mean?</source>
        <translation>Que signifie « %1 » ?</translation>
    </message>
    <message>
        <source>Help: %1</source>
        <translation>Aide : %1</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Your staff file</source>
        <translation>Votre fichier du personnel</translation>
    </message>
    <message>
        <source>The file is only read, never changed. Employee data stays on this computer.</source>
        <translation>Le fichier est seulement lu, jamais modifié. Les données du personnel restent sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Drag your staff export here (.xlsx, .xlsm, .xls, .ods, .csv), or choose it.</source>
        <translation>Faites glisser ici votre export du personnel (.xlsx, .xlsm, .xls, .ods, .csv), ou choisissez-le.</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Choisir un fichier…</translation>
    </message>
    <message>
        <source>Choose the staff file</source>
        <translation>Choisir le fichier du personnel</translation>
    </message>
    <message>
        <source>&amp;Sheet</source>
        <translation>&amp;Feuille</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <source>Header row (Excel row number)</source>
        <translation>Ligne d’en-tête (numéro de ligne Excel)</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>Aperçu des premières lignes</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>No row holds column names, so the columns are named by their letter. If the file has a header row, give its number above.</source>
        <translation>Aucune ligne ne contient de noms de colonnes : les colonnes portent donc le nom de leur lettre. Si le fichier a une ligne d&apos;en-tête, indiquez son numéro ci-dessus.</translation>
    </message>
    <message>
        <source>The highlighted row holds the column names. If it is the wrong row, change the header row above.</source>
        <translation>La ligne en surbrillance contient les noms de colonnes. Si ce n’est pas la bonne, modifiez la ligne d’en-tête ci-dessus.</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</source>
        <translation>Classeurs (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Header &amp;row (Excel row number)</source>
        <translation>&amp;Ligne d’en-tête (numéro de ligne Excel)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <source>Above the header: %1</source>
        <translation>Au-dessus de l’en-tête : %1</translation>
    </message>
    <message>
        <source> (hidden)</source>
        <translation> (masquée)</translation>
    </message>
    <message>
        <source>This sheet is hidden in Excel. Is it the right one?</source>
        <translation>Cette feuille est masquée dans Excel. Est-ce la bonne ?</translation>
    </message>
    <message>
        <source>%1 data rows and %2 columns read from row %3 on.</source>
        <translation>%1 lignes de données et %2 colonnes lues à partir de la ligne %3.</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Le fichier n’a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Fichier : %1</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>Aucun fichier choisi pour l’instant.</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <source>No help for this step yet.</source>
        <translation>Pas encore d&apos;aide pour cette étape.</translation>
    </message>
    <message>
        <source>Help: %1</source>
        <translation>Aide : %1</translation>
    </message>
    <message>
        <source>Close help (Esc)</source>
        <translation>Fermer l&apos;aide (Échap)</translation>
    </message>
    <message>
        <source>Close help</source>
        <translation>Fermer l&apos;aide</translation>
    </message>
    <message>
        <source>Help for this step</source>
        <translation>Aide pour cette étape</translation>
    </message>
</context>
<context>
    <name>HostKeyDialog</name>
    <message>
        <source>Unknown server</source>
        <translation>Serveur inconnu</translation>
    </message>
    <message>
        <source>This is the first upload to %1 (port %2). Compare the fingerprint of its key with the one the office gave you. Confirm only if every character matches.</source>
        <translation>C’est le premier envoi vers %1 (port %2). Comparez l’empreinte de sa clé avec celle que vous a donnée l’organisme destinataire. Ne confirmez que si chaque caractère est identique.</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of the server&apos;s key</source>
        <translation>Empreinte SHA-256 de la clé du serveur</translation>
    </message>
    <message>
        <source>The fingerprint &amp;matches</source>
        <translation>L’empreinte &amp;correspond</translation>
    </message>
    <message>
        <source>It does &amp;not match</source>
        <translation>Elle ne correspond &amp;pas</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Programme</source>
        <translation>&amp;Programme</translation>
    </message>
    <message>
        <source>&amp;Year (peildatum)</source>
        <translation>&amp;Année (date de référence)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>F&amp;etch from the office&apos;s SFTP server…</source>
        <translation>&amp;Récupérer sur le serveur SFTP de l’organisme…</translation>
    </message>
    <message>
        <source>Import the office&apos;s tables</source>
        <translation>Importer les tableaux de l&apos;organisme</translation>
    </message>
    <message>
        <source>Choose the file you downloaded from the office&apos;s portal (CBS: the Excel workbook; KSZ: the CSV or workbook, also as the encrypted .gpg, which is opened with your organisation&apos;s OpenPGP key). Only group figures are kept, for %1.</source>
        <translation>Choisissez le fichier téléchargé depuis le portail de l&apos;organisme (CBS : le classeur Excel ; BCSS : le CSV ou le classeur, aussi chiffré en .gpg, ouvert avec la clé OpenPGP de votre organisation). Seuls des chiffres de groupes sont conservés, pour %1.</translation>
    </message>
    <message>
        <source>Tables (*.xlsx *.xlsm *.csv *.txt *.gpg *.pgp)</source>
        <translation>Tableaux (*.xlsx *.xlsm *.csv *.txt *.gpg *.pgp)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>The office&apos;s tables</source>
        <translation>Tableaux de l&apos;organisme</translation>
    </message>
    <message>
        <source>Choose the file first.</source>
        <translation>Choisissez d&apos;abord le fichier.</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Opening the file…</source>
        <translation>Ouverture du fichier…</translation>
    </message>
    <message>
        <source>Reading the rows…</source>
        <translation>Lecture des lignes…</translation>
    </message>
    <message>
        <source>Checking the data…</source>
        <translation>Contrôle des données…</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Préparation de l’aperçu…</translation>
    </message>
    <message>
        <source>Unlocking the organisation&apos;s key…</source>
        <translation>Déverrouillage de la clé de l’organisation…</translation>
    </message>
    <message>
        <source>Checking, packaging and protecting…</source>
        <translation>Vérification, préparation et protection…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <source>Protecting the table…</source>
        <translation>Protection du tableau…</translation>
    </message>
</context>
<context>
    <name>JourneyRow</name>
    <message>
        <source>Every step is done.</source>
        <translation>Toutes les étapes sont faites.</translation>
    </message>
    <message>
        <source>; </source>
        <translation> ; </translation>
    </message>
    <message>
        <source>Where you are: %1</source>
        <translation>Où vous en êtes : %1</translation>
    </message>
    <message>
        <source>The file for the office is made, not sent yet.</source>
        <translation>Le fichier pour l&apos;organisme est créé, pas encore envoyé.</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Ensuite : %1</translation>
    </message>
    <message>
        <source>Waiting for the office: %1</source>
        <translation>En attente de l&apos;organisme : %1</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Ouvrir %1</translation>
    </message>
</context>
<context>
    <name>JourneySteps</name>
    <message>
        <source>✓ %1. %2 (%3)</source>
        <translation>✓ %1. %2 (%3)</translation>
    </message>
    <message>
        <source>▶ %1. %2 (you are here)</source>
        <translation>▶ %1. %2 (vous êtes ici)</translation>
    </message>
    <message>
        <source>Done on %1: %2</source>
        <translation>Fait le %1 : %2</translation>
    </message>
    <message>
        <source>Not done yet.</source>
        <translation>Pas encore fait.</translation>
    </message>
    <message>
        <source>&amp;Attach the documents received…</source>
        <translation>&amp;Joindre les documents reçus…</translation>
    </message>
    <message>
        <source>Accepted &amp;by:</source>
        <translation>Accepté &amp;par :</translation>
    </message>
    <message>
        <source>Accepted &amp;on:</source>
        <translation>Accepté &amp;le :</translation>
    </message>
    <message>
        <source>&amp;Record the acceptance</source>
        <translation>&amp;Enregistrer l&apos;acceptation</translation>
    </message>
    <message>
        <source>&amp;Attach the table set…</source>
        <translation>&amp;Joindre le jeu de tableaux…</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom :</translation>
    </message>
    <message>
        <source>Received &amp;on:</source>
        <translation>Reçu &amp;le :</translation>
    </message>
    <message>
        <source>&amp;Mark as done</source>
        <translation>&amp;Marquer comme fait</translation>
    </message>
    <message>
        <source>&amp;Attach an evidence file (optional)…</source>
        <translation>&amp;Joindre une pièce justificative (facultatif)…</translation>
    </message>
    <message>
        <source>Done &amp;on:</source>
        <translation>Fait &amp;le :</translation>
    </message>
    <message>
        <source>&amp;Confirm the login arrived</source>
        <translation>&amp;Confirmer l&apos;arrivée des identifiants</translation>
    </message>
    <message>
        <source>The office&apos;s steps</source>
        <translation>Les étapes de l&apos;organisme</translation>
    </message>
    <message>
        <source>Only confirm that the login arrived. The letter holds the password: never type it here and do not attach the letter.</source>
        <translation>Confirmez seulement l&apos;arrivée des identifiants. Le courrier contient le mot de passe : ne le saisissez jamais ici et ne joignez pas le courrier.</translation>
    </message>
    <message>
        <source>&amp;Signed by:</source>
        <translation>&amp;Signé par :</translation>
    </message>
    <message>
        <source>R&amp;eopen this step</source>
        <translation>R&amp;ouvrir cette étape</translation>
    </message>
    <message>
        <source>The documents received</source>
        <translation>Les documents reçus</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;All (*)</source>
        <translation>PDF (*.pdf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Evidence file</source>
        <translation>Pièce justificative</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>A copy is in the yearly folder.</source>
        <translation>Une copie se trouve dans le dossier annuel.</translation>
    </message>
</context>
<context>
    <name>JourneyWindow</name>
    <message>
        <source>Your steps with the office</source>
        <translation>Vos étapes auprès de l&apos;organisme</translation>
    </message>
    <message>
        <source>Yearly folder</source>
        <translation>Dossier annuel</translation>
    </message>
    <message>
        <source>One folder for everything of this year&apos;s submission: the documents, the protected file, the record, the receipts and the results, with an index, so next year you can repeat this year&apos;s choices. No unencrypted staff file is kept there.</source>
        <translation>Un dossier pour tout l&apos;envoi de cette année : les documents, le fichier protégé, le rapport, les accusés de réception et les résultats, avec un index, pour que vous puissiez répéter l&apos;an prochain les choix de cette année. Aucun fichier du personnel non chiffré n&apos;y est conservé.</translation>
    </message>
    <message>
        <source>Choose the yearly &amp;folder…</source>
        <translation>Choisir le &amp;dossier annuel…</translation>
    </message>
    <message>
        <source>Continue in the assis&amp;tant</source>
        <translation>Continuer dans l&apos;assis&amp;tant</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>No folder chosen yet.</source>
        <translation>Aucun dossier choisi pour le moment.</translation>
    </message>
    <message>
        <source>%1 (not there now: moved, or a drive not connected)</source>
        <translation>%1 (indisponible : déplacé, ou sur un disque non connecté)</translation>
    </message>
    <message>
        <source>The yearly folder is set.</source>
        <translation>Le dossier annuel est défini.</translation>
    </message>
</context>
<context>
    <name>KszCategoriesPage</name>
    <message>
        <source>Checking the crossings…</source>
        <translation>Vérification des croisements…</translation>
    </message>
    <message>
        <source>Whole organisation</source>
        <translation>Toute l&apos;organisation</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>origine</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sexe</translation>
    </message>
    <message>
        <source>work regime</source>
        <translation>régime de travail</translation>
    </message>
    <message>
        <source>age</source>
        <translation>âge</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>tout le monde</translation>
    </message>
    <message>
        <source>Own edges (type them below)</source>
        <translation>Limites propres (tapez-les ci-dessous)</translation>
    </message>
    <message>
        <source>Groups: %1.</source>
        <translation>Groupes : %1.</translation>
    </message>
    <message>
        <source>The staff file has not been checked yet: go back to the checks.</source>
        <translation>Le fichier du personnel n&apos;a pas encore été contrôlé : revenez au contrôle.</translation>
    </message>
    <message>
        <source>No own categories chosen: on the Columns page, tick the department and function level columns as breakdowns. The tables then cover the whole organisation (%1 people).</source>
        <translation>Aucune catégorie propre choisie : à la page Colonnes, cochez les colonnes du service et du niveau de fonction comme ventilations. Les tableaux portent maintenant sur toute l&apos;organisation (%1 personnes).</translation>
    </message>
    <message>
        <source>%1: %2 groups: %3</source>
        <translation>%1 : %2 groupes : %3</translation>
    </message>
    <message>
        <source>You send no own data, so the tables cover the whole organisation. How many people does it employ? The check needs the number to predict the cells.</source>
        <translation>Vous n&apos;envoyez pas de données propres : les tableaux portent donc sur toute l&apos;organisation. Combien de personnes emploie-t-elle ? Le contrôle a besoin de ce nombre pour prévoir les cellules.</translation>
    </message>
    <message>
        <source>Correct the age bands first.</source>
        <translation>Corrigez d&apos;abord les tranches d&apos;âge.</translation>
    </message>
    <message>
        <source>Enter the number of staff to check the crossings.</source>
        <translation>Indiquez le nombre de membres du personnel pour contrôler les croisements.</translation>
    </message>
    <message>
        <source>%1 of the %2 requested tables would have cells with fewer than %3 people. Apply a proposal or choose coarser categories to continue.</source>
        <translation>%1 des %2 tableaux demandés auraient des cellules de moins de %3 personnes. Appliquez une proposition ou choisissez des catégories plus larges pour continuer.</translation>
    </message>
    <message>
        <source>Every requested table is expected to have at least %1 people per cell. You can continue.</source>
        <translation>Chaque tableau demandé devrait compter au moins %1 personnes par cellule. Vous pouvez continuer.</translation>
    </message>
    <message>
        <source>The requested data in categories</source>
        <translation>Les données demandées par catégories</translation>
    </message>
    <message>
        <source>To guarantee anonymity, the KSZ sends data in categories only, sized so that no crossing gives too small counts.</source>
        <translation>Pour garantir l&apos;anonymat, la BCSS n&apos;envoie que des données par catégories, choisies de sorte qu&apos;aucun croisement ne donne de trop petits nombres.</translation>
    </message>
    <message>
        <source>Choose the age bands and origin groups. The assistant predicts the smallest cell of every requested table from your staff numbers and proposes coarser categories where it is too small. You can discuss this with the KSZ or Unia.</source>
        <translation>Choisissez les tranches d&apos;âge et les groupes d&apos;origine. L&apos;assistant prévoit, à partir de vos effectifs, la plus petite cellule de chaque tableau demandé et propose des catégories plus larges là où elle est trop petite. Vous pouvez en discuter avec la BCSS ou Unia.</translation>
    </message>
    <message>
        <source>Age bands</source>
        <translation>Tranches d&apos;âge</translation>
    </message>
    <message>
        <source>B&amp;ands</source>
        <translation>&amp;Tranches</translation>
    </message>
    <message>
        <source>&amp;Lower ages of the bands</source>
        <translation>Â&amp;ges de début des tranches</translation>
    </message>
    <message>
        <source>Lower ages of the bands</source>
        <translation>Âges de début des tranches</translation>
    </message>
    <message>
        <source>Origin groups</source>
        <translation>Groupes d&apos;origine</translation>
    </message>
    <message>
        <source>&amp;Grouping</source>
        <translation>&amp;Répartition</translation>
    </message>
    <message>
        <source>Own categories</source>
        <translation>Catégories propres</translation>
    </message>
    <message>
        <source>Number of &amp;staff</source>
        <translation>&amp;Nombre de membres du personnel</translation>
    </message>
    <message>
        <source>Number of staff</source>
        <translation>Nombre de membres du personnel</translation>
    </message>
    <message>
        <source>Crossing check</source>
        <translation>Contrôle des croisements</translation>
    </message>
    <message>
        <source>&amp;Undo the last proposal</source>
        <translation>&amp;Annuler la dernière proposition</translation>
    </message>
    <message>
        <source>Each number starts a band; the first band holds everyone younger. The reference figures allow: %1.</source>
        <translation>Chaque nombre commence une tranche ; la première tranche contient tous les plus jeunes. Les chiffres de référence permettent : %1.</translation>
    </message>
    <message>
        <source>Per requested table: the smallest cell the KSZ&apos;s tables are expected to have, against the minimum of %1 people. A prediction from reference shares, not a guarantee.</source>
        <translation>Par tableau demandé : la plus petite cellule attendue dans les tableaux de la BCSS, comparée au minimum de %1 personnes. Une prévision à partir de parts de référence, pas une garantie.</translation>
    </message>
    <message>
        <source>Reference figures (version %1): %2</source>
        <translation>Chiffres de référence (version %1) : %2</translation>
    </message>
</context>
<context>
    <name>KszDecisionsPage</name>
    <message>
        <source>Choose at least one characteristic.</source>
        <translation>Choisissez au moins une caractéristique.</translation>
    </message>
    <message>
        <source>Decisions for the KSZ request</source>
        <translation>Décisions pour la demande à la BCSS</translation>
    </message>
    <message>
        <source>Which data do you need, for which year, which characteristics, and how are they defined?</source>
        <translation>De quelles données avez-vous besoin, pour quelle année, quelles caractéristiques, et comment sont-elles définies ?</translation>
    </message>
    <message>
        <source>Your diversity or well-being policy sets these goals.</source>
        <translation>Votre politique de diversité ou de bien-être fixe ces objectifs.</translation>
    </message>
    <message>
        <source>The KSZ links the characteristics below to your staff and sends back tables in categories only. Ask only what your diversity plan needs: every extra characteristic makes the groups in the tables smaller.</source>
        <translation>La BCSS couple les caractéristiques ci-dessous à votre personnel et ne renvoie que des tableaux par catégories. Ne demandez que ce dont votre plan de diversité a besoin : chaque caractéristique en plus rend les groupes des tableaux plus petits.</translation>
    </message>
    <message>
        <source>Characteristics to request *</source>
        <translation>Caractéristiques à demander *</translation>
    </message>
    <message>
        <source>Origin group (from the nationality of the person and the parents)</source>
        <translation>Groupe d&apos;origine (d&apos;après la nationalité de la personne et des parents)</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Age (in age bands)</source>
        <translation>Âge (par tranches d&apos;âge)</translation>
    </message>
    <message>
        <source>Work regime (full-time or part-time)</source>
        <translation>Régime de travail (temps plein ou partiel)</translation>
    </message>
    <message>
        <source>Reference year</source>
        <translation>Année de référence</translation>
    </message>
    <message>
        <source>&amp;Reference year *</source>
        <translation>Année de &amp;référence *</translation>
    </message>
    <message>
        <source>Your own data for linkage</source>
        <translation>Vos données propres pour le couplage</translation>
    </message>
    <message>
        <source>We send our own data (department, function level) for linkage</source>
        <translation>Nous envoyons nos données propres (service, niveau de fonction) pour couplage</translation>
    </message>
    <message>
        <source>Public institutions may send, per employee, the INSZ and their own categories. The KSZ links them to its data, so the tables show for example origin per department. The assistant then reads your staff file, checks it and encrypts the linkage file. Without it, the tables cover the whole organisation.</source>
        <translation>Les institutions publiques peuvent envoyer, par membre du personnel, le NISS et leurs propres catégories. La BCSS les couple à ses données, de sorte que les tableaux montrent par exemple l&apos;origine par service. L&apos;assistant lit alors votre fichier du personnel, le contrôle et chiffre le fichier de couplage. Sans données propres, les tableaux portent sur toute l&apos;organisation.</translation>
    </message>
    <message>
        <source>Your own definitions (optional)</source>
        <translation>Vos propres définitions (facultatif)</translation>
    </message>
    <message>
        <source>One per line, as “term: definition”, for example “Staff: statutory and contract staff on 31 December”. They are added to the request.</source>
        <translation>Une par ligne, sous la forme « terme : définition », par exemple « Personnel : personnel statutaire et contractuel au 31 décembre ». Elles sont ajoutées à la demande.</translation>
    </message>
    <message>
        <source>Your own definitions</source>
        <translation>Vos propres définitions</translation>
    </message>
    <message>
        <source>The KSZ data describe your staff in this year: everyone employed on 31 December %1, with their age on that day. Keep the same year each time.</source>
        <translation>Les données de la BCSS décrivent votre personnel pendant cette année : toute personne en service le 31&#xa0;décembre&#xa0;%1, avec son âge à cette date. Choisissez l&apos;année de la même manière à chaque mesure.</translation>
    </message>
    <message>
        <source>(The grouping is chosen on the Categories page.)</source>
        <translation>(La répartition se choisit à la page Catégories.)</translation>
    </message>
</context>
<context>
    <name>KszMotivationPage</name>
    <message>
        <source>Motivated in your own words.</source>
        <translation>Motivé avec vos propres mots.</translation>
    </message>
    <message>
        <source>%1 of the 4 parts still need your own motivation.</source>
        <translation>%1 des 4 parties doivent encore être motivées avec vos propres mots.</translation>
    </message>
    <message>
        <source>The motivation is complete.</source>
        <translation>La motivation est complète.</translation>
    </message>
    <message>
        <source>Motivation of the KSZ request</source>
        <translation>Motivation de la demande à la BCSS</translation>
    </message>
    <message>
        <source>Justify the request, both its purpose and its proportionality. Diversity monitoring is needed to evaluate your diversity policy.</source>
        <translation>Justifiez la demande, tant sa finalité que sa proportionnalité. Le monitoring de la diversité est nécessaire pour évaluer votre politique de diversité.</translation>
    </message>
    <message>
        <source>The KSZ sends back requests that only repeat the example. Write what your organisation will do with the tables and why less data would not do.</source>
        <translation>La BCSS renvoie les demandes qui ne font que répéter l&apos;exemple. Écrivez ce que votre organisation fera des tableaux et pourquoi moins de données ne suffiraient pas.</translation>
    </message>
    <message>
        <source>Example: a baseline measurement of internal diversity, as the basis for positive actions.</source>
        <translation>Exemple : une mesure zéro de la diversité interne, comme base d&apos;actions positives.</translation>
    </message>
    <message>
        <source>The decree, law or regulation your diversity policy rests on (article).</source>
        <translation>Le décret, la loi ou le règlement sur lequel repose votre politique de diversité (article).</translation>
    </message>
    <message>
        <source>Why these characteristics and categories, and why not fewer or finer ones; only tables in categories come back.</source>
        <translation>Pourquoi ces caractéristiques et catégories, et pas moins ou de plus fines ; seuls des tableaux par catégories reviennent.</translation>
    </message>
    <message>
        <source>Which action point of your diversity plan this measurement serves.</source>
        <translation>Quel point d&apos;action de votre plan de diversité cette mesure sert.</translation>
    </message>
    <message>
        <source>Start from the KSZ example</source>
        <translation>Partir de l&apos;exemple de la BCSS</translation>
    </message>
    <message>
        <source>Start %1 from the KSZ example</source>
        <translation>%1 : partir de l&apos;exemple de la BCSS</translation>
    </message>
    <message>
        <source>Unia can help with the motivation; see its guide “Monitoring van diversiteit: doe het zelf!”.</source>
        <translation>Unia peut aider à la motivation ; voir son guide « Monitoring de la diversité : faites-le vous-même ! ».</translation>
    </message>
</context>
<context>
    <name>KszRequestPage</name>
    <message>
        <source>Making the key pair…</source>
        <translation>Création de la paire de clés…</translation>
    </message>
    <message>
        <source>Choose the public key exported from Kleopatra</source>
        <translation>Choisissez la clé publique exportée de Kleopatra</translation>
    </message>
    <message>
        <source>OpenPGP public key (*.asc *.gpg *.pgp);;All files (*)</source>
        <translation>Clé publique OpenPGP (*.asc *.gpg *.pgp);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>Save the public key</source>
        <translation>Enregistrer la clé publique</translation>
    </message>
    <message>
        <source>OpenPGP public key (*.asc)</source>
        <translation>Clé publique OpenPGP (*.asc)</translation>
    </message>
    <message>
        <source>The public key could not be saved: %1</source>
        <translation>La clé publique n&apos;a pas pu être enregistrée : %1</translation>
    </message>
    <message>
        <source>Public key saved: %1</source>
        <translation>Clé publique enregistrée : %1</translation>
    </message>
    <message>
        <source>Save a backup of the secret key</source>
        <translation>Enregistrer une sauvegarde de la clé secrète</translation>
    </message>
    <message>
        <source>OpenPGP key backup (*.pgp)</source>
        <translation>Sauvegarde de clé OpenPGP (*.pgp)</translation>
    </message>
    <message>
        <source>The backup could not be saved: %1</source>
        <translation>La sauvegarde n&apos;a pas pu être enregistrée : %1</translation>
    </message>
    <message>
        <source>Backup saved: %1. Keep it and its passphrase apart; GnuPG or Kleopatra restore it (gpg --decrypt the file, then import it).</source>
        <translation>Sauvegarde enregistrée : %1. Conservez le fichier et sa phrase secrète séparément ; GnuPG ou Kleopatra restaurent la clé (déchiffrer le fichier avec gpg --decrypt, puis l&apos;importer).</translation>
    </message>
    <message>
        <source>Choose the folder for the request documents</source>
        <translation>Choisissez le dossier des documents de la demande</translation>
    </message>
    <message>
        <source>The documents could not be saved: %1</source>
        <translation>Les documents n&apos;ont pas pu être enregistrés : %1</translation>
    </message>
    <message>
        <source>The request to the KSZ</source>
        <translation>La demande à la BCSS</translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation>Empreinte : %1</translation>
    </message>
    <message>
        <source>The KSZ will encrypt the tables to this key. Send the public key with the request and check the fingerprint with the KSZ by phone or letter.</source>
        <translation>La BCSS chiffrera les tableaux avec cette clé. Joignez la clé publique à la demande et vérifiez l&apos;empreinte avec la BCSS par téléphone ou par courrier.</translation>
    </message>
    <message>
        <source>The fingerprint you entered on the organisation page is used. Export the public key from Kleopatra yourself, or choose its file here.</source>
        <translation>L&apos;empreinte saisie à la page de l&apos;organisation est utilisée. Exportez vous-même la clé publique depuis Kleopatra, ou choisissez son fichier ici.</translation>
    </message>
    <message>
        <source>No key yet. Make a key pair here, or use the public key of a key pair your organisation already has in Kleopatra.</source>
        <translation>Pas encore de clé. Créez ici une paire de clés, ou utilisez la clé publique d&apos;une paire que votre organisation possède déjà dans Kleopatra.</translation>
    </message>
    <message>
        <source>The secret key stays on this computer, protected by a passphrase. Without it the tables cannot be opened: save a backup, protected by a passphrase you keep apart.</source>
        <translation>La clé secrète reste sur cet ordinateur, protégée par une phrase secrète. Sans elle, les tableaux ne peuvent pas être ouverts : enregistrez une sauvegarde, protégée par une phrase secrète que vous conservez à part.</translation>
    </message>
    <message>
        <source>Save a backup of the secret ke&amp;y…</source>
        <translation>Enregistrer une sa&amp;uvegarde de la clé secrète…</translation>
    </message>
    <message>
        <source>Before the request can be made:</source>
        <translation>Avant que la demande puisse être établie :</translation>
    </message>
    <message>
        <source>Saved in %1:</source>
        <translation>Enregistré dans %1 :</translation>
    </message>
    <message>
        <source>The organisation&apos;s key to receive the tables, and the request documents in Dutch and French.</source>
        <translation>La clé de l&apos;organisation pour recevoir les tableaux, et les documents de la demande en néerlandais et en français.</translation>
    </message>
    <message>
        <source>The KSZ sends the tables encrypted with OpenPGP (GnuPG, Kleopatra). The request names the fingerprint of your organisation&apos;s public key.</source>
        <translation>La BCSS envoie les tableaux chiffrés avec OpenPGP (GnuPG, Kleopatra). La demande mentionne l&apos;empreinte de la clé publique de votre organisation.</translation>
    </message>
    <message>
        <source>The organisation&apos;s OpenPGP key</source>
        <translation>La clé OpenPGP de l&apos;organisation</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>&amp;Make a key pair</source>
        <translation>&amp;Créer une paire de clés</translation>
    </message>
    <message>
        <source>Use a key from &amp;Kleopatra…</source>
        <translation>Utiliser une clé de &amp;Kleopatra…</translation>
    </message>
    <message>
        <source>&amp;Save the public key…</source>
        <translation>&amp;Enregistrer la clé publique…</translation>
    </message>
    <message>
        <source>The request documents</source>
        <translation>Les documents de la demande</translation>
    </message>
    <message>
        <source>The request in Dutch and in French, as PDF to read and sign and as ODT to edit or copy into the KSZ form, with the public key beside them.</source>
        <translation>La demande en néerlandais et en français, en PDF à lire et à signer et en ODT à modifier ou à recopier dans le formulaire de la BCSS, avec la clé publique à côté.</translation>
    </message>
    <message>
        <source>Save the &amp;documents in a folder…</source>
        <translation>Enregistrer les &amp;documents dans un dossier…</translation>
    </message>
    <message>
        <source>Show the f&amp;older</source>
        <translation>&amp;Afficher le dossier</translation>
    </message>
    <message>
        <source>What comes next</source>
        <translation>La suite</translation>
    </message>
    <message>
        <source>1. Fill in the form from the KSZ&apos;s “Basisschema voor gegevensaanvragen” and send it to the KSZ with these documents and the public key.</source>
        <translation>1. Remplissez le formulaire du « Schéma de base pour les demandes de données » de la BCSS et envoyez-le à la BCSS avec ces documents et la clé publique.</translation>
    </message>
    <message>
        <source>2. The linkage file (INSZ and your own categories) is reviewed and encrypted in the next steps; send it when the KSZ asks for it.</source>
        <translation>2. Le fichier de couplage (NISS et vos catégories propres) est vérifié et chiffré aux étapes suivantes ; envoyez-le lorsque la BCSS le demande.</translation>
    </message>
    <message>
        <source>2. You send no own data: there is no linkage file to prepare.</source>
        <translation>2. Vous n&apos;envoyez pas de données propres : il n&apos;y a pas de fichier de couplage à préparer.</translation>
    </message>
    <message>
        <source>3. The KSZ sends the tables encrypted to your key. Import them in the assistant&apos;s start window with “View results”: it opens them with your key. Kleopatra opens them too.</source>
        <translation>3. La BCSS envoie les tableaux chiffrés avec votre clé. Importez-les dans la fenêtre d&apos;accueil de l&apos;assistant avec « Voir les résultats » : il les ouvre avec votre clé. Kleopatra les ouvre aussi.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>The columns were suggested anew from your file. Check them.</source>
        <translation>Les colonnes ont été proposées à nouveau d&apos;après votre fichier. Vérifiez-les.</translation>
    </message>
    <message>
        <source>Age (band at the reference date)</source>
        <translation>Âge (tranche à la date de référence)</translation>
    </message>
    <message>
        <source>Year of entry (band)</source>
        <translation>Année d&apos;entrée en service (tranche)</translation>
    </message>
    <message>
        <source>not mapped</source>
        <translation>non associé</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>nom exact</translation>
    </message>
    <message>
        <source>known name, %1%</source>
        <translation>nom connu, %1 %</translation>
    </message>
    <message>
        <source>similar name, %1%</source>
        <translation>nom semblable, %1 %</translation>
    </message>
    <message>
        <source>chosen by you</source>
        <translation>choisi par vous</translation>
    </message>
    <message>
        <source>(empty column)</source>
        <translation>(colonne vide)</translation>
    </message>
    <message>
        <source>Identification key</source>
        <translation>Clé d&apos;identification</translation>
    </message>
    <message>
        <source>Match and examples</source>
        <translation>Reconnaissance et exemples</translation>
    </message>
    <message>
        <source>Column “%1” is chosen for more than one field: %2. Choose one column per field.</source>
        <translation>La colonne « %1 » est choisie pour plusieurs champs : %2. Choisissez une colonne par champ.</translation>
    </message>
    <message>
        <source>Still to map: %1.</source>
        <translation>Reste à associer : %1.</translation>
    </message>
    <message>
        <source>Employees are identified by: %1.</source>
        <translation>Les salariés sont identifiés par : %1.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <source>Map the columns of one way to identify employees: %1.</source>
        <translation>Associez les colonnes d’un des moyens d’identifier les salariés : %1.</translation>
    </message>
    <message>
        <source>map “%1” first</source>
        <translation>associez d&apos;abord « %1 »</translation>
    </message>
    <message>
        <source>used as a field above</source>
        <translation>utilisée comme champ ci-dessus</translation>
    </message>
    <message>
        <source>looks like: %1</source>
        <translation>ressemble à : %1</translation>
    </message>
    <message>
        <source>Choose at most %1 breakdowns.</source>
        <translation>Choisissez au plus %1 ventilations.</translation>
    </message>
    <message>
        <source>Breakdowns chosen: %1.</source>
        <translation>Ventilations choisies : %1.</translation>
    </message>
    <message>
        <source>No breakdown chosen: the figures cover the whole organisation.</source>
        <translation>Aucune ventilation choisie : les chiffres portent sur toute l’organisation.</translation>
    </message>
    <message>
        <source>— choose a code —</source>
        <translation>— choisir un code —</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Check which column of your file feeds each field. The assistant has suggested a choice.</source>
        <translation>Vérifiez quelle colonne de votre fichier alimente chaque champ. L’assistant a proposé un choix.</translation>
    </message>
    <message>
        <source>Examples come from your file and stay on this computer; identifying numbers are partly hidden.</source>
        <translation>Les exemples proviennent de votre fichier et restent sur cet ordinateur ; les numéros d’identification sont en partie masqués.</translation>
    </message>
    <message>
        <source>Fields of the programme</source>
        <translation>Champs du programme</translation>
    </message>
    <message>
        <source>Coded values</source>
        <translation>Valeurs codées</translation>
    </message>
    <message>
        <source>Check how the values in your file translate to the programme&apos;s codes.</source>
        <translation>Vérifiez comment les valeurs de votre fichier correspondent aux codes du programme.</translation>
    </message>
    <message>
        <source>Breakdowns (subgroups)</source>
        <translation>Ventilations (sous-groupes)</translation>
    </message>
    <message>
        <source>Breakdown columns</source>
        <translation>Colonnes de ventilation</translation>
    </message>
    <message>
        <source>&amp;Save mapping…</source>
        <translation>&amp;Enregistrer la correspondance…</translation>
    </message>
    <message>
        <source>&amp;Load mapping…</source>
        <translation>&amp;Charger une correspondance…</translation>
    </message>
    <message>
        <source>S&amp;tart from a suggestion</source>
        <translation>&amp;Partir d&apos;une proposition</translation>
    </message>
    <message>
        <source>The saved mapping does not fit this file: %1</source>
        <translation>La correspondance enregistrée ne convient pas à ce fichier : %1</translation>
    </message>
    <message>
        <source>Choose “Start from a suggestion” to map the columns anew, or load a mapping that fits.</source>
        <translation>Choisissez « Partir d&apos;une proposition » pour associer les colonnes à nouveau, ou chargez une correspondance qui convient.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Column in your file</source>
        <translation>Colonne de votre fichier</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— absent du fichier —</translation>
    </message>
    <message>
        <source>Column for %1</source>
        <translation>Colonne pour %1</translation>
    </message>
    <message>
        <source>%1 (column “%2”)</source>
        <translation>%1 (colonne « %2 »)</translation>
    </message>
    <message>
        <source>Code for the value %1</source>
        <translation>Code pour la valeur %1</translation>
    </message>
    <message>
        <source>Not recognised: %1. Choose a code, or these rows will be reported as errors.</source>
        <translation>Non reconnu : %1. Choisissez un code, sinon ces lignes seront signalées comme erreurs.</translation>
    </message>
    <message>
        <source>This column has many different values. Is it the right column?</source>
        <translation>Cette colonne contient beaucoup de valeurs différentes. Est-ce la bonne colonne ?</translation>
    </message>
    <message>
        <source>All values are recognised.</source>
        <translation>Toutes les valeurs sont reconnues.</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>Enregistrer la correspondance</translation>
    </message>
    <message>
        <source>Tick the columns that hold a subgroup, such as department or function level. Each subgroup should be large enough; a later step shows the small ones and helps you merge them.</source>
        <translation>Cochez les colonnes qui contiennent un sous-groupe, comme le service ou le niveau de fonction. Chaque sous-groupe doit être assez grand ; une étape suivante montre les petits et vous aide à les regrouper.</translation>
    </message>
    <message>
        <source>Mapping (*.json)</source>
        <translation>Correspondance (*.json)</translation>
    </message>
    <message>
        <source>Mapping saved to %1.</source>
        <translation>Correspondance enregistrée dans %1.</translation>
    </message>
    <message>
        <source>Load mapping</source>
        <translation>Charger une correspondance</translation>
    </message>
    <message>
        <source>Mapping loaded from %1.</source>
        <translation>Correspondance chargée depuis %1.</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Number of employees per payroll tax number *</source>
        <translation>Nombre de salariés par numéro de retenue sur salaire *</translation>
    </message>
    <message>
        <source>CBS checks its own selection against these numbers. Count the jobs (banen) on the reference date: someone with two jobs counts twice.</source>
        <translation>Le CBS vérifie sa propre sélection avec ces nombres. Comptez les emplois (banen) à la date de référence : une personne ayant deux emplois compte deux fois.</translation>
    </message>
    <message>
        <source>Enter your payroll tax number(s) above first.</source>
        <translation>Saisissez d’abord ci-dessus votre ou vos numéros de retenue sur salaire.</translation>
    </message>
    <message>
        <source>Employees under %1</source>
        <translation>Salariés sous %1</translation>
    </message>
    <message>
        <source>Your organisation</source>
        <translation>Votre organisation</translation>
    </message>
    <message>
        <source>These details go into the application and the package summary. Fields marked * are required.</source>
        <translation>Ces informations figurent dans la demande et dans le résumé du paquet. Les champs marqués * sont obligatoires.</translation>
    </message>
    <message>
        <source>Numbers are checked while you type. Separate several numbers with a semicolon.</source>
        <translation>Les numéros sont vérifiés pendant la saisie. Séparez plusieurs numéros par un point-virgule.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Reference date and who is counted</source>
        <translation>Date de référence et personnes comptées</translation>
    </message>
    <message>
        <source>&amp;Reference date (peildatum) *</source>
        <translation>Date de &amp;référence *</translation>
    </message>
    <message>
        <source>Reference date (peildatum)</source>
        <translation>Date de référence</translation>
    </message>
    <message>
        <source>Everyone employed on this date is counted. Keep the same date across years.</source>
        <translation>Toute personne en service à cette date est comptée. Gardez la même date d’une année à l’autre.</translation>
    </message>
    <message>
        <source>Counted are the staff employed on 31 December of the reference year, which you choose in the next step (Decisions).</source>
        <translation>Est compté le personnel en service le 31&#xa0;décembre de l&apos;année de référence, que vous choisissez à l&apos;étape suivante (Décisions).</translation>
    </message>
    <message>
        <source>Also count</source>
        <translation>Compter aussi</translation>
    </message>
    <message>
        <source>Who is counted</source>
        <translation>Qui est compté</translation>
    </message>
    <message>
        <source>e.g. 123456782L01; 123456782L02</source>
        <translation>p. ex. 123456782L01; 123456782L02</translation>
    </message>
    <message>
        <source>e.g. 0203.201.340</source>
        <translation>p. ex. 0203.201.340</translation>
    </message>
    <message>
        <source>A number is entered twice.</source>
        <translation>Un numéro est saisi deux fois.</translation>
    </message>
    <message>
        <source>Valid KBO number(s): %1</source>
        <translation>Numéro(s) BCE valide(s) : %1</translation>
    </message>
    <message>
        <source>Valid payroll tax number(s): %1</source>
        <translation>Numéro(s) de retenue sur salaire valide(s) : %1</translation>
    </message>
    <message>
        <source>This is not an e-mail address (name@example.org).</source>
        <translation>Ce n’est pas une adresse e-mail (nom@exemple.be).</translation>
    </message>
    <message>
        <source>“%1” is not a payroll tax number: expected 9 digits, the letter L and 2 digits, for example 123456782L01.</source>
        <translation>« %1 » n’est pas un numéro de retenue sur salaire : 9 chiffres, la lettre L et 2 chiffres sont attendus, par exemple 123456782L01.</translation>
    </message>
    <message>
        <source>“%1”: the first part must have 9 digits.</source>
        <translation>« %1 » : la première partie doit compter 9 chiffres.</translation>
    </message>
    <message>
        <source>“%1” fails the eleven-test (elfproef): probably a typing error in the first 9 digits.</source>
        <translation>« %1 » échoue au test de onze (elfproef) : probablement une faute de frappe dans les 9 premiers chiffres.</translation>
    </message>
    <message>
        <source>“%1” is not a KBO number: expected 10 digits, e.g. 0203.201.340.</source>
        <translation>« %1 » n’est pas un numéro BCE : 10 chiffres attendus, p. ex. 0203.201.340.</translation>
    </message>
    <message>
        <source>“%1”: a KBO number has 10 digits.</source>
        <translation>« %1 » : un numéro BCE compte 10 chiffres.</translation>
    </message>
    <message>
        <source>“%1” fails the check digits (modulo 97): probably a typing error.</source>
        <translation>« %1 » ne correspond pas aux chiffres de contrôle (modulo 97) : probablement une faute de frappe.</translation>
    </message>
    <message>
        <source>“%1” is not a valid number.</source>
        <translation>« %1 » n’est pas un numéro valide.</translation>
    </message>
    <message>
        <source>Type the year(s) you took part in, for example 2022 or 2022, 2024.</source>
        <translation>Indiquez l&apos;année ou les années de participation, par exemple 2022 ou 2022, 2024.</translation>
    </message>
    <message>
        <source>%1 is not a year you can have taken part in.</source>
        <translation>%1 n&apos;est pas une année de participation possible.</translation>
    </message>
    <message>
        <source>No, this is the first time</source>
        <translation>Non, c&apos;est la première fois</translation>
    </message>
    <message>
        <source>Yes, in:</source>
        <translation>Oui, en :</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>e.g. 2022, 2024</source>
        <translation>p. ex. 2022, 2024</translation>
    </message>
    <message>
        <source>Year(s) taken part</source>
        <translation>Année(s) de participation</translation>
    </message>
    <message>
        <source>Your earlier answer: “%1”. Choose no or yes.</source>
        <translation>Votre réponse précédente : « %1 ». Choisissez non ou oui.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase for the backup</source>
        <translation>Phrase secrète de la sauvegarde</translation>
    </message>
    <message>
        <source>Choose a passphrase for the backup of the key</source>
        <translation>Choisissez une phrase secrète pour la sauvegarde de la clé</translation>
    </message>
    <message>
        <source>The backup opens with this passphrase on any computer (GnuPG, Kleopatra). Keep it apart from the backup file, for example in a safe or a password manager. Use at least 12 characters or at least four words.</source>
        <translation>La sauvegarde s&apos;ouvre avec cette phrase secrète sur n&apos;importe quel ordinateur (GnuPG, Kleopatra). Conservez-la à part du fichier, par exemple dans un coffre ou un gestionnaire de mots de passe. Utilisez au moins 12 caractères ou au moins quatre mots.</translation>
    </message>
    <message>
        <source>Save the &amp;backup</source>
        <translation>Enregistrer la &amp;sauvegarde</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Choisissez une phrase secrète</translation>
    </message>
    <message>
        <source>Choose a passphrase for your organisation&apos;s OpenPGP key</source>
        <translation>Choisissez une phrase secrète pour la clé OpenPGP de votre organisation</translation>
    </message>
    <message>
        <source>Choose a passphrase for your organisation&apos;s signing key</source>
        <translation>Choisissez une phrase secrète pour la clé de signature de votre organisation</translation>
    </message>
    <message>
        <source>The key is locked with this passphrase instead of with this computer&apos;s password safe. You will be asked for it each time the key is used. Use at least 12 characters or at least four words.</source>
        <translation>La clé est protégée par cette phrase secrète au lieu du coffre-fort à mots de passe de cet ordinateur. Elle vous sera demandée chaque fois que la clé sera utilisée. Utilisez au moins 12 caractères ou au moins quatre mots.</translation>
    </message>
    <message>
        <source>&amp;Lock the key with it</source>
        <translation>&amp;Utiliser cette phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase of the key</source>
        <translation>Phrase secrète de la clé</translation>
    </message>
    <message>
        <source>Type the passphrase of your organisation&apos;s OpenPGP key</source>
        <translation>Tapez la phrase secrète de la clé OpenPGP de votre organisation</translation>
    </message>
    <message>
        <source>Type the passphrase of your organisation&apos;s signing key</source>
        <translation>Tapez la phrase secrète de la clé de signature de votre organisation</translation>
    </message>
    <message>
        <source>This key is locked with a passphrase that was chosen when it was made.</source>
        <translation>Cette clé est protégée par une phrase secrète choisie lors de sa création.</translation>
    </message>
    <message>
        <source>&amp;Open the key</source>
        <translation>&amp;Ouvrir la clé</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Phrase secrète</translation>
    </message>
    <message>
        <source>Type it &amp;again</source>
        <translation>Tapez-la à &amp;nouveau</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>The passphrase again</source>
        <translation>La phrase secrète à nouveau</translation>
    </message>
    <message>
        <source>&amp;Show the passphrase</source>
        <translation>&amp;Afficher la phrase secrète</translation>
    </message>
    <message>
        <source>Without this passphrase the backup cannot be opened.</source>
        <translation>Sans cette phrase secrète, la sauvegarde ne peut pas être ouverte.</translation>
    </message>
    <message>
        <source>The passphrase cannot be recovered: if it is lost, a new key must be made and its fingerprint registered with the office again.</source>
        <translation>La phrase secrète ne peut pas être récupérée : si elle est perdue, il faut créer une nouvelle clé et enregistrer à nouveau son empreinte auprès de l&apos;office.</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>Which programme are you preparing?</source>
        <translation>Pour quel programme préparez-vous les données ?</translation>
    </message>
    <message>
        <source>The assistant asks only what this programme needs. You can come back and change it.</source>
        <translation>L’assistant ne demande que ce dont ce programme a besoin. Vous pourrez revenir et le modifier.</translation>
    </message>
    <message>
        <source>Choose the programme your organisation takes part in. Nothing leaves this computer until you upload the encrypted package at the end.</source>
        <translation>Choisissez le programme auquel votre organisation participe. Rien ne quitte cet ordinateur avant que vous n’envoyiez le paquet chiffré à la fin.</translation>
    </message>
    <message>
        <source>I have a staff export: count the employees per payroll tax number and check it</source>
        <translation>J’ai un export du personnel : compter les salariés par numéro de retenue sur salaire et le contrôler</translation>
    </message>
</context>
<context>
    <name>ResultsWindow</name>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Results for %1</source>
        <translation>Résultats pour %1</translation>
    </message>
    <message>
        <source>Nothing is kept yet. Import the tables the office returned: the file you downloaded from its portal.</source>
        <translation>Rien n&apos;est encore conservé. Importez les tableaux renvoyés par l&apos;organisme : le fichier téléchargé depuis son portail.</translation>
    </message>
    <message>
        <source>&amp;Import the office&apos;s tables…</source>
        <translation>&amp;Importer les tableaux de l&apos;organisme…</translation>
    </message>
    <message>
        <source>Save the &amp;report…</source>
        <translation>Enregistrer le &amp;rapport…</translation>
    </message>
    <message>
        <source>Per subgroup</source>
        <translation>Par sous-groupe</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Année</translation>
    </message>
    <message>
        <source>Brea&amp;kdown</source>
        <translation>&amp;Ventilation</translation>
    </message>
    <message>
        <source>Benchmark (typed in or from a CSV; nothing is fetched)</source>
        <translation>Référence (saisie ou depuis un CSV ; rien n&apos;est téléchargé)</translation>
    </message>
    <message>
        <source>Year over year</source>
        <translation>D&apos;année en année</translation>
    </message>
    <message>
        <source>&amp;Subgroup</source>
        <translation>&amp;Sous-groupe</translation>
    </message>
    <message>
        <source>Before you publish</source>
        <translation>Avant de publier</translation>
    </message>
    <message>
        <source>The publication check: could a published figure tell something about fewer people than the threshold, directly or by subtracting figures?</source>
        <translation>Le contrôle de publication : un chiffre publié peut-il révéler quelque chose sur moins de personnes que le seuil, directement ou par soustraction ?</translation>
    </message>
    <message>
        <source>within chance</source>
        <translation>dans le hasard</translation>
    </message>
    <message>
        <source>Band: what chance explains (95%, Wilson, over the group size)</source>
        <translation>Bande : ce que le hasard explique (95 %, Wilson, sur l&apos;effectif)</translation>
    </message>
    <message>
        <source>One year of this series so far: the comparison between years follows once you import another year&apos;s tables.</source>
        <translation>Une seule année de cette série pour l&apos;instant : la comparaison entre années suivra dès que vous importerez les tableaux d&apos;une autre année.</translation>
    </message>
    <message>
        <source>Checking the figures before you publish them…</source>
        <translation>Vérification des chiffres avant leur publication…</translation>
    </message>
    <message>
        <source>Imported and kept in %1.</source>
        <translation>Importé et conservé dans %1.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Création du rapport…</translation>
    </message>
    <message>
        <source>Report saved: %1, with the tables (%2) and the charts (%3).</source>
        <translation>Rapport enregistré : %1, avec les tableaux (%2) et les graphiques (%3).</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Preparing the preview…</source>
        <translation>Préparation de l’aperçu…</translation>
    </message>
    <message>
        <source>Check your answers</source>
        <translation>Vérifiez vos réponses</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The overview could not be saved to %1: %2</source>
        <translation>L&apos;aperçu n&apos;a pas pu être enregistré dans %1 : %2</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Enregistré sous %1</translation>
    </message>
    <message>
        <source>Check your answers, then confirm</source>
        <translation>Vérifiez vos réponses, puis confirmez</translation>
    </message>
    <message>
        <source>Exactly what will leave this computer, and how it reaches the office.</source>
        <translation>Exactement ce qui quittera cet ordinateur, et comment cela parvient à l’organisme.</translation>
    </message>
    <message>
        <source>Every answer you gave, as it will be used. Change one with its Change button; Next brings you back here.</source>
        <translation>Chacune de vos réponses, telle qu&apos;elle sera utilisée. Modifiez-en une avec son bouton Modifier ; Suivant vous ramène ici.</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Enre&amp;gistrer en PDF…</translation>
    </message>
    <message>
        <source>Save the overview as PDF</source>
        <translation>Enregistrer l&apos;aperçu en PDF</translation>
    </message>
    <message>
        <source>File %1 with %2 rows, one per payroll tax number with the number of employees you entered, in %3 columns. No employee data is sent.</source>
        <translation>Fichier %1 de %2 lignes, une par numéro de retenue sur salaire avec le nombre de salariés que vous avez saisi, en %3 colonnes. Aucune donnée de salarié n’est envoyée.</translation>
    </message>
    <message>
        <source>File %1 with %2 rows, one per employee counted, in %3 columns.</source>
        <translation>Fichier %1 de %2 lignes, une par salarié compté, en %3 colonnes.</translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation>Colonnes : %1</translation>
    </message>
    <message>
        <source>Every row of the file.</source>
        <translation>Toutes les lignes du fichier.</translation>
    </message>
    <message>
        <source>The first %1 rows.</source>
        <translation>Les %1 premières lignes.</translation>
    </message>
    <message>
        <source>The package cannot be made yet:</source>
        <translation>Le paquet ne peut pas encore être préparé :</translation>
    </message>
    <message>
        <source>The first %1 rows, with identifiers (%2) masked here on screen. The file itself holds them in full.</source>
        <translation>Les %1 premières lignes, avec les identifiants (%2) masqués ici à l’écran. Le fichier lui-même les contient en entier.</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>Confirmé par</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>non confirmé</translation>
    </message>
    <message>
        <source>The office&apos;s certificate</source>
        <translation>Certificat de l’organisme destinataire</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer *.der);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The office&apos;s OpenPGP public key</source>
        <translation>Clé publique OpenPGP de l’organisme</translation>
    </message>
    <message>
        <source>OpenPGP public keys (*.asc *.gpg *.pgp *.key);;All files (*)</source>
        <translation>Clés publiques OpenPGP (*.asc *.gpg *.pgp *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Le fichier ne peut pas être lu : %1</translation>
    </message>
    <message>
        <source>Choose the OpenPGP public key the office gave you.</source>
        <translation>Choisissez la clé publique OpenPGP que l’organisme vous a remise.</translation>
    </message>
    <message>
        <source>Read this fingerprint to the office by phone; when it is the same as theirs, tick the box.</source>
        <translation>Lisez cette empreinte à l’organisme par téléphone ; si elle est identique à la sienne, cochez la case.</translation>
    </message>
    <message>
        <source>does not expire</source>
        <translation>n’expire pas</translation>
    </message>
    <message>
        <source>Key of: %1
Valid until: %2</source>
        <translation>Clé de : %1
Valable jusqu’au : %2</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Empreinte :</translation>
    </message>
    <message>
        <source>You checked this fingerprint with the office.</source>
        <translation>Vous avez vérifié cette empreinte avec l’organisme.</translation>
    </message>
    <message>
        <source>OpenPGP &amp;key</source>
        <translation>C&amp;lé OpenPGP</translation>
    </message>
    <message>
        <source>The office&apos;s OpenPGP public key file</source>
        <translation>Fichier de la clé publique OpenPGP de l’organisme</translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>Choose the office&apos;s OpenPGP public key</source>
        <translation>Choisir la clé publique OpenPGP de l’organisme</translation>
    </message>
    <message>
        <source>I checked this fingerprint with the office by &amp;phone</source>
        <translation>J’ai vérifié cette empreinte avec l’organisme par &amp;téléphone</translation>
    </message>
    <message>
        <source>Nothing: the portal&apos;s secure connection protects the file</source>
        <translation>Rien : la connexion sécurisée du portail protège le fichier</translation>
    </message>
    <message>
        <source>Nothing: the file goes as it is, unprotected</source>
        <translation>Rien : le fichier part tel quel, sans protection</translation>
    </message>
    <message>
        <source>Nothing: the file holds counts only, no data about people</source>
        <translation>Rien : le fichier ne contient que des effectifs, aucune donnée sur des personnes</translation>
    </message>
    <message>
        <source>A certificate file (.pem, .cer, .crt)</source>
        <translation>Un fichier de certificat (.pem, .cer, .crt)</translation>
    </message>
    <message>
        <source>An OpenPGP public key (.asc)</source>
        <translation>Une clé publique OpenPGP (.asc)</translation>
    </message>
    <message>
        <source>Nothing: make an archive locked with a passphrase (7-Zip); you give the passphrase by phone</source>
        <translation>Rien : créer une archive protégée par une phrase secrète (7-Zip) ; vous communiquez la phrase secrète par téléphone</translation>
    </message>
    <message>
        <source>On the next page the assistant makes the archive and shows its passphrase once. Give it to the office by phone, never in the same e-mail.</source>
        <translation>À la page suivante, l’assistant crée l’archive et affiche sa phrase secrète une seule fois. Communiquez-la à l’organisme par téléphone, jamais dans le même e-mail.</translation>
    </message>
    <message>
        <source>How the file reaches the office</source>
        <translation>Comment le fichier parvient à l’organisme</translation>
    </message>
    <message>
        <source>Ho&amp;w does the file reach the office?</source>
        <translation>Comment le &amp;fichier parvient-il à l’organisme ?</translation>
    </message>
    <message>
        <source>What did the office &amp;give you?</source>
        <translation>Qu’est-ce que l’organisme vous a &amp;remis ?</translation>
    </message>
    <message>
        <source>I upload it myself in the office&apos;s web portal</source>
        <translation>Je le dépose moi-même sur le portail web de l’organisme</translation>
    </message>
    <message>
        <source>The assistant uploads it (SFTP)</source>
        <translation>L’assistant l’envoie (SFTP)</translation>
    </message>
    <message>
        <source>The assistant uploads it (HTTPS)</source>
        <translation>L’assistant l’envoie (HTTPS)</translation>
    </message>
    <message>
        <source>I deliver it myself the way agreed with the office</source>
        <translation>Je le remets moi-même, comme convenu avec l’organisme</translation>
    </message>
    <message>
        <source>Choose the certificate the office gave you.</source>
        <translation>Choisissez le certificat que l’organisme destinataire vous a remis.</translation>
    </message>
    <message>
        <source>Compare this fingerprint with the one the office gave you (by phone or in its letter), then tick the box.</source>
        <translation>Comparez cette empreinte avec celle que l’organisme destinataire vous a donnée (par téléphone ou dans son courrier), puis cochez la case.</translation>
    </message>
    <message>
        <source>Issued to: %1
Valid until: %2</source>
        <translation>Délivré à : %1
Valable jusqu’au : %2</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>Empreinte SHA-256 :</translation>
    </message>
    <message>
        <source>The fingerprint matches the one in the programme profile.</source>
        <translation>L’empreinte correspond à celle du profil du programme.</translation>
    </message>
    <message>
        <source>You confirmed this fingerprint with the office.</source>
        <translation>Vous avez vérifié cette empreinte avec l’organisme destinataire.</translation>
    </message>
    <message>
        <source>The file for the office</source>
        <translation>Le fichier pour l’organisme destinataire</translation>
    </message>
    <message>
        <source>First rows of the file, identifiers masked</source>
        <translation>Premières lignes du fichier, identifiants masqués</translation>
    </message>
    <message>
        <source>Conditions as confirmed</source>
        <translation>Conditions telles que confirmées</translation>
    </message>
    <message>
        <source>The package is encrypted so that only the office can open it, with the certificate it gave you (a .pem, .crt, .cer or .der file).</source>
        <translation>Le paquet est chiffré avec le certificat que l’organisme destinataire vous a remis (fichier .pem, .crt, .cer ou .der), pour que lui seul puisse l’ouvrir.</translation>
    </message>
    <message>
        <source>&amp;Certificate</source>
        <translation>&amp;Certificat</translation>
    </message>
    <message>
        <source>The office&apos;s certificate file</source>
        <translation>Fichier du certificat de l’organisme destinataire</translation>
    </message>
    <message>
        <source>Choose the office&apos;s certificate</source>
        <translation>Choisir le certificat de l’organisme destinataire</translation>
    </message>
    <message>
        <source>I confirmed this fingerprint with the office</source>
        <translation>J’ai vérifié cette empreinte avec l’organisme destinataire</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Modifier %1</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>No file is made yet: go Back to make it first.</source>
        <translation>Aucun fichier n&apos;est encore créé : revenez d&apos;abord en arrière pour le créer.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>The file goes to the office: you send it here, or hand it in and confirm it.</source>
        <translation>Le fichier part à l&apos;organisme : vous l&apos;envoyez ici, ou vous le remettez vous-même et le confirmez.</translation>
    </message>
    <message>
        <source>The file for the office</source>
        <translation>Le fichier pour l&apos;organisme</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Afficher dans le &amp;dossier</translation>
    </message>
    <message>
        <source>Next shows whether the file has reached the office and what happens there now.</source>
        <translation>Suivant indique si le fichier est arrivé à l&apos;organisme et ce qui s&apos;y passe maintenant.</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>Diversity Assistant</source>
        <translation>Assistant diversité</translation>
    </message>
    <message>
        <source>Continue where you left off?</source>
        <translation>Reprendre là où vous vous étiez arrêté ?</translation>
    </message>
    <message>
        <source>Your previous choices were saved automatically. Start again to begin with an empty draft.</source>
        <translation>Vos choix précédents ont été enregistrés automatiquement. Choisissez Recommencer pour partir d’un brouillon vide.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>&amp;Start again</source>
        <translation>Re&amp;commencer</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Last year&apos;s folder or draft</source>
        <translation>Dossier ou brouillon de l&apos;an dernier</translation>
    </message>
    <message>
        <source>Yearly folder index or draft (*.json)</source>
        <translation>Index du dossier annuel ou brouillon (*.json)</translation>
    </message>
    <message>
        <source>Diversity Assistant</source>
        <translation>Assistant diversité</translation>
    </message>
    <message>
        <source>What would you like to do?</source>
        <translation>Que souhaitez-vous faire ?</translation>
    </message>
    <message>
        <source>Prepare a submission</source>
        <translation>Préparer un envoi</translation>
    </message>
    <message>
        <source>Choose the programme, check your staff file and make the file for the office, step by step. Nothing leaves this computer until you send it.</source>
        <translation>Choisissez le programme, vérifiez votre fichier du personnel et créez le fichier pour l&apos;organisme, étape par étape. Rien ne quitte cet ordinateur avant que vous ne l&apos;envoyiez.</translation>
    </message>
    <message>
        <source>&amp;Prepare a submission</source>
        <translation>&amp;Préparer un envoi</translation>
    </message>
    <message>
        <source>&amp;Repeat last year&apos;s choices…</source>
        <translation>Répéter les &amp;choix de l&apos;an dernier…</translation>
    </message>
    <message>
        <source>Start from last year&apos;s yearly folder or draft: the same columns, subgroups, merges and delivery route. The conditions, fingerprints and passwords are asked again.</source>
        <translation>Partir du dossier annuel ou du brouillon de l&apos;an dernier : les mêmes colonnes, sous-groupes, regroupements et mode de livraison. Les conditions, empreintes et mots de passe sont demandés à nouveau.</translation>
    </message>
    <message>
        <source>Continue the one in progress</source>
        <translation>Reprendre l&apos;envoi en cours</translation>
    </message>
    <message>
        <source>Your previous choices were saved automatically. Preparing a new submission begins with an empty draft.</source>
        <translation>Vos choix précédents ont été enregistrés automatiquement. Un nouvel envoi commence avec un brouillon vide.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>In progress with the office</source>
        <translation>En cours auprès de l&apos;organisme</translation>
    </message>
    <message>
        <source>Your steps with the office, per organisation and year: where you are and what comes next.</source>
        <translation>Vos étapes auprès de l&apos;organisme, par organisation et par année : où vous en êtes et ce qui vient ensuite.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>The tables the office returns will be listed here once you have them.</source>
        <translation>Les tableaux que l&apos;organisme renvoie apparaîtront ici dès que vous les aurez.</translation>
    </message>
    <message>
        <source>&amp;View results</source>
        <translation>&amp;Voir les résultats</translation>
    </message>
</context>
<context>
    <name>TablePreview</name>
    <message>
        <source>Minimum employees per table &amp;cell</source>
        <translation>Minimum d&apos;employés par &amp;cellule</translation>
    </message>
    <message>
        <source>Minimum employees per table cell</source>
        <translation>Minimum d&apos;employés par cellule</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>%1 names no cell threshold. Fill in the minimum number of employees per table cell to continue, for example 5 or 10.</source>
        <translation>%1 ne fixe aucun seuil par cellule. Indiquez le nombre minimum d&apos;employés par cellule pour continuer, par exemple 5 ou 10.</translation>
    </message>
    <message>
        <source>Table preview</source>
        <translation>Aperçu du tableau</translation>
    </message>
    <message>
        <source>The programme names no minimum number of employees per table cell. Give one to see the table preview: cells with fewer employees are hidden.</source>
        <translation>Le programme ne fixe aucun nombre minimum d&apos;employés par cellule. Indiquez-en un pour voir l&apos;aperçu du tableau : les cellules comptant moins d&apos;employés sont masquées.</translation>
    </message>
    <message>
        <source>Employees per subgroup and sex, as the table could be published after your merges: cells of fewer than %1 employees are hidden.</source>
        <translation>Membres du personnel par sous-groupe et par sexe, tels que le tableau pourrait être publié après vos regroupements : les cellules de moins de %1 membres du personnel sont masquées.</translation>
    </message>
    <message>
        <source>Employees per subgroup, as the table could be published after your merges: cells of fewer than %1 employees are hidden.</source>
        <translation>Membres du personnel par sous-groupe, tels que le tableau pourrait être publié après vos regroupements : les cellules de moins de %1 membres du personnel sont masquées.</translation>
    </message>
    <message>
        <source>%1 by sex</source>
        <translation>%1 par sexe</translation>
    </message>
    <message>
        <source>Table preview of %1</source>
        <translation>Aperçu du tableau de %1</translation>
    </message>
    <message>
        <source>fewer than %1 employees</source>
        <translation>moins de %1 membres du personnel</translation>
    </message>
    <message>
        <source>hidden as well, so the other hidden cells cannot be worked out</source>
        <translation>masqué aussi, pour que les autres cellules masquées ne puissent pas être recalculées</translation>
    </message>
    <message>
        <source>The table could not be computed: %1</source>
        <translation>Le tableau n’a pas pu être calculé : %1</translation>
    </message>
    <message>
        <source>Audit passed: no suppressed cell can be worked out from the published cells, not even by an employee who is the only one in a hidden cell.</source>
        <translation>Contrôle réussi : aucune cellule masquée ne peut être déduite des cellules publiées, pas même par un employé qui est seul dans une cellule masquée.</translation>
    </message>
    <message>
        <source>Audit failed: %1 suppressed cells can be worked out (too closely) from the published cells.</source>
        <translation>Contrôle échoué : %1 cellules masquées peuvent être recalculées (trop précisément) à partir des cellules publiées.</translation>
    </message>
</context>
<context>
    <name>UploadPanel</name>
    <message>
        <source>Your SSH key file</source>
        <translation>Votre fichier de clé SSH</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The portal&apos;s CA certificate</source>
        <translation>Certificat d’AC du portail</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificats (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>This file is encrypted for the demo&apos;s test-only certificate, whose key is public: it can only go to the demo&apos;s test server inside the assistant.</source>
        <translation>Ce fichier est chiffré pour le certificat de test de la démo, dont la clé est publique : il ne peut aller qu’au serveur de test de la démo, intégré à l’assistant.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt…</translation>
    </message>
    <message>
        <source>%1 of %2 sent</source>
        <translation>%1 sur %2 envoyés</translation>
    </message>
    <message>
        <source>&amp;Resume upload</source>
        <translation>&amp;Reprendre l’envoi</translation>
    </message>
    <message>
        <source>&amp;Upload again</source>
        <translation>&amp;Envoyer à nouveau</translation>
    </message>
    <message>
        <source>&amp;Upload</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Uploaded and verified: the server&apos;s copy has the same SHA-256 as your package.</source>
        <translation>Envoyé et vérifié : la copie sur le serveur a le même SHA-256 que votre paquet.</translation>
    </message>
    <message>
        <source>The server&apos;s copy differs from your package. Upload it again.</source>
        <translation>La copie sur le serveur diffère de votre paquet. Envoyez-le à nouveau.</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>Upload to the office&apos;s portal</source>
        <translation>Envoi vers le portail de l’organisme destinataire</translation>
    </message>
    <message>
        <source>Only the encrypted package is sent. The upload continues where it stopped if the connection breaks or you cancel, and the server&apos;s copy is checked afterwards.</source>
        <translation>Seul le paquet chiffré est envoyé. Si la connexion est coupée ou si vous annulez, l’envoi reprend là où il s’est arrêté ; la copie sur le serveur est ensuite vérifiée.</translation>
    </message>
    <message>
        <source>Portal &amp;address</source>
        <translation>&amp;Adresse du portail</translation>
    </message>
    <message>
        <source>Portal address</source>
        <translation>Adresse du portail</translation>
    </message>
    <message>
        <source>sftp://server:22/folder or https://server/path</source>
        <translation>sftp://serveur:22/dossier ou https://serveur/chemin</translation>
    </message>
    <message>
        <source>The office gives you the address and your login. On the first upload to an SFTP server you are asked to confirm its key fingerprint.</source>
        <translation>L’organisme destinataire vous donne l’adresse et vos identifiants. Lors du premier envoi vers un serveur SFTP, vous confirmez l’empreinte de sa clé.</translation>
    </message>
    <message>
        <source>User &amp;name</source>
        <translation>&amp;Nom d’utilisateur</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Password, or the key file&apos;s passphrase</source>
        <translation>Mot de passe, ou la phrase secrète du fichier de clé</translation>
    </message>
    <message>
        <source>Remember the password in this computer&apos;s keyring</source>
        <translation>Mémoriser le mot de passe dans le trousseau de cet ordinateur</translation>
    </message>
    <message>
        <source>SSH &amp;key file (optional)</source>
        <translation>Fichier de &amp;clé SSH (facultatif)</translation>
    </message>
    <message>
        <source>SSH key file</source>
        <translation>Fichier de clé SSH</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Choose the SSH key file</source>
        <translation>Choisir le fichier de clé SSH</translation>
    </message>
    <message>
        <source>Use a custom CA (only when your administrator says so)</source>
        <translation>Utiliser une AC propre (seulement si votre administrateur le demande)</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>Fichier de certificat d’AC</translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation>Choisir le fichier de certificat d’AC</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the upload</source>
        <translation>Annuler l’envoi</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Progression de l’envoi</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>SHA-256 on the server</source>
        <translation>SHA-256 sur le serveur</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Receipt saved as</source>
        <translation>Accusé de réception enregistré sous</translation>
    </message>
</context>
<context>
    <name>ValidationPage</name>
    <message>
        <source>Checking…</source>
        <translation>Contrôle en cours…</translation>
    </message>
    <message>
        <source>Errors must be corrected before you can continue: correct them in the HR system or the export, save the file and press “Reload file”.</source>
        <translation>Les erreurs doivent être corrigées avant de continuer : corrigez-les dans le système RH ou dans l’export, enregistrez le fichier et cliquez sur « Relire le fichier ».</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Colonne %1</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Show &amp;fewer rows</source>
        <translation>Afficher &amp;moins de lignes</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>constats</translation>
    </message>
    <message>
        <source>Export findings</source>
        <translation>Exporter les constats</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The findings could not be saved to %1: %2</source>
        <translation>Les constats n’ont pas pu être enregistrés dans %1 : %2</translation>
    </message>
    <message>
        <source>Findings saved to %1. Identification numbers in it are masked; hand it to the salary administration to correct the rows.</source>
        <translation>Constats enregistrés dans %1. Les numéros d’identification y sont masqués ; remettez le fichier au service de la paie pour corriger les lignes.</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Contrôles</translation>
    </message>
    <message>
        <source>The assistant checks identifiers, dates, codes, duplicates and who is counted.</source>
        <translation>L’assistant contrôle les identifiants, les dates, les codes, les doublons et les personnes comptées.</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <source>All findings</source>
        <translation>Tous les constats</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <source>Show findings of severity</source>
        <translation>Afficher les constats de gravité</translation>
    </message>
    <message>
        <source>Search in the findings</source>
        <translation>Rechercher dans les constats</translation>
    </message>
    <message>
        <source>&amp;Reload file</source>
        <translation>&amp;Relire le fichier</translation>
    </message>
    <message>
        <source>E&amp;xport findings (Excel)…</source>
        <translation>E&amp;xporter les constats (Excel)…</translation>
    </message>
    <message>
        <source>An Excel file with one line per finding per row, for the salary administration. Identification numbers are masked.</source>
        <translation>Un fichier Excel avec une ligne par constat et par ligne, pour le service de la paie. Les numéros d’identification sont masqués.</translation>
    </message>
    <message>
        <source>Show &amp;all rows</source>
        <translation>Afficher &amp;toutes les lignes</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>Details of the selected finding</source>
        <translation>Détails du constat sélectionné</translation>
    </message>
    <message>
        <source>I have read the warnings and want to continue with these data.</source>
        <translation>J’ai lu les avertissements et je veux continuer avec ces données.</translation>
    </message>
</context>
</TS>
