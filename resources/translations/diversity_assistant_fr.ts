<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
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
        <source>Language: %1</source>
        <translation>Langue : %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
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
        <source>Next steps</source>
        <translation>Étapes suivantes</translation>
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
        <source>&amp;Header row (Excel row number)</source>
        <translation>&amp;Ligne d’en-tête (numéro de ligne Excel)</translation>
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
        <source>The highlighted row holds the column names. If it is the wrong row, change the header row above.</source>
        <translation>La ligne en surbrillance contient les noms de colonnes. Si ce n’est pas la bonne, modifiez la ligne d’en-tête ci-dessus.</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</source>
        <translation>Classeurs (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;Tous les fichiers (*)</translation>
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
</context>
<context>
    <name>MappingPage</name>
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
        <source>Tick the columns that hold a subgroup, such as department or function level. Each subgroup should be large enough; the next version helps you merge small ones.</source>
        <translation>Cochez les colonnes qui contiennent un sous-groupe, comme le service ou le niveau de fonction. Chaque sous-groupe doit être assez grand ; la prochaine version vous aidera à regrouper les petits.</translation>
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
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Column in your file</source>
        <translation>Colonne de votre fichier</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Reconnaissance</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Exemples</translation>
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
        <source>— unknown —</source>
        <translation>— inconnu —</translation>
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
    <name>NextStepsPage</name>
    <message>
        <source>Next steps</source>
        <translation>Étapes suivantes</translation>
    </message>
    <message>
        <source>Your choices are saved. You can close the assistant and continue later.</source>
        <translation>Vos choix sont enregistrés. Vous pouvez fermer l’assistant et reprendre plus tard.</translation>
    </message>
    <message>
        <source>Coming in the next version</source>
        <translation>Dans la prochaine version</translation>
    </message>
    <message>
        <source>Choosing safe categories (merging small subgroups, age bands), making the package for the receiving office, encrypting it and uploading it come in the next version of the assistant. Everything you entered so far is kept.</source>
        <translation>Le choix de catégories sûres (regroupement des petits sous-groupes, tranches d’âge), la préparation du paquet pour l’organisme destinataire, son chiffrement et son envoi arrivent dans la prochaine version de l’assistant. Tout ce que vous avez saisi jusqu’ici est conservé.</translation>
    </message>
    <message>
        <source>Subgroup sizes</source>
        <translation>Taille des sous-groupes</translation>
    </message>
    <message>
        <source>The programme asks at least %1 employees per subgroup.</source>
        <translation>Le programme demande au moins %1 salariés par sous-groupe.</translation>
    </message>
    <message>
        <source>Employees counted per subgroup.</source>
        <translation>Salariés comptés par sous-groupe.</translation>
    </message>
    <message>
        <source>Subgroup of “%1”</source>
        <translation>Sous-groupe de « %1 »</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Salariés</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Subgroup sizes of %1</source>
        <translation>Taille des sous-groupes de %1</translation>
    </message>
    <message>
        <source>too small: merge</source>
        <translation>trop petit : à regrouper</translation>
    </message>
    <message>
        <source>large enough</source>
        <translation>assez grand</translation>
    </message>
    <message>
        <source>%1 subgroups of “%2” are smaller than the programme allows.</source>
        <translation>%1 sous-groupes de « %2 » sont plus petits que ce que le programme autorise.</translation>
    </message>
    <message>
        <source>Every subgroup is large enough.</source>
        <translation>Chaque sous-groupe est assez grand.</translation>
    </message>
    <message>
        <source>The staff file has been checked. Your choices are saved as a draft.</source>
        <translation>Le fichier du personnel a été contrôlé. Vos choix sont enregistrés comme brouillon.</translation>
    </message>
    <message>
        <source>No staff file is needed for this programme. Your choices are saved as a draft.</source>
        <translation>Ce programme ne demande pas de fichier du personnel. Vos choix sont enregistrés comme brouillon.</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
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
        <translation>Date de &amp;référence (peildatum) *</translation>
    </message>
    <message>
        <source>Reference date (peildatum)</source>
        <translation>Date de référence (peildatum)</translation>
    </message>
    <message>
        <source>Everyone employed on this date is counted. Keep the same date across years.</source>
        <translation>Toute personne en service à cette date est comptée. Gardez la même date d’une année à l’autre.</translation>
    </message>
    <message>
        <source>Also count</source>
        <translation>Compter aussi</translation>
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
    <name>ValidationPage</name>
    <message>
        <source>Checking…</source>
        <translation>Contrôle en cours…</translation>
    </message>
    <message>
        <source>%1 of %2 rows are counted.</source>
        <translation>%1 lignes sur %2 sont comptées.</translation>
    </message>
    <message>
        <source>%1 errors and %2 warnings.</source>
        <translation>%1 erreurs et %2 avertissements.</translation>
    </message>
    <message>
        <source>Errors must be corrected before you can continue: correct them in the HR system or the export, save the file and press “Reload file”.</source>
        <translation>Les erreurs doivent être corrigées avant de continuer : corrigez-les dans le système RH ou dans l’export, enregistrez le fichier et cliquez sur « Relire le fichier ».</translation>
    </message>
    <message>
        <source>No errors; %1 warnings.</source>
        <translation>Aucune erreur ; %1 avertissements.</translation>
    </message>
    <message>
        <source>No errors and no warnings.</source>
        <translation>Aucune erreur ni aucun avertissement.</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Colonne %1</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>et %1 de plus</translation>
    </message>
    <message>
        <source>Excel rows (%1): %2</source>
        <translation>Lignes Excel (%1) : %2</translation>
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
