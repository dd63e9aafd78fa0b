<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>BenchmarkPanel</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Show the &amp;benchmark</source>
        <translation>Vergelijking &amp;tonen</translation>
    </message>
    <message>
        <source>Benchmark from a &amp;CSV…</source>
        <translation>Vergelijking uit een &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Hide the benchmark</source>
        <translation>Vergelijking &amp;verbergen</translation>
    </message>
    <message>
        <source>e.g. employees in the Netherlands, CBS 2025</source>
        <translation>bijv. werknemers in Nederland, CBS 2025</translation>
    </message>
    <message>
        <source>Name of the benchmark</source>
        <translation>Naam van de vergelijking</translation>
    </message>
    <message>
        <source>Benchmark file</source>
        <translation>Bestand met de vergelijking</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>Tabellen (*.csv *.xlsx)</translation>
    </message>
</context>
<context>
    <name>BreakdownSection</name>
    <message>
        <source>Age (band at the reference date)</source>
        <translation>Leeftijd (klasse op de peildatum)</translation>
    </message>
    <message>
        <source>Year of entry (band)</source>
        <translation>Jaar van indiensttreding (klasse)</translation>
    </message>
    <message>
        <source>Type increasing whole numbers separated by commas, such as 35, 50.</source>
        <translation>Typ oplopende gehele getallen, gescheiden door komma&apos;s, zoals 35, 50.</translation>
    </message>
    <message>
        <source>minimum %1</source>
        <translation>minimum %1</translation>
    </message>
    <message>
        <source>Subgroup sizes of %1</source>
        <translation>Grootte van de subgroepen van %1</translation>
    </message>
    <message>
        <source>%1: %2 employees</source>
        <translation>%1: %2 medewerkers</translation>
    </message>
    <message>
        <source>%1 subgroups are smaller than %2:</source>
        <translation>%1 subgroepen zijn kleiner dan %2:</translation>
    </message>
    <message>
        <source>Every subgroup has at least %1 employees.</source>
        <translation>Elke subgroep heeft minstens %1 medewerkers.</translation>
    </message>
    <message>
        <source>• %1 (%2)</source>
        <translation>• %1 (%2)</translation>
    </message>
    <message>
        <source>• %1 (%2): %3</source>
        <translation>• %1 (%2): %3</translation>
    </message>
    <message>
        <source>Merged subgroups:</source>
        <translation>Samengevoegde subgroepen:</translation>
    </message>
    <message>
        <source>Merge &amp;into</source>
        <translation>Samenvoegen &amp;met</translation>
    </message>
    <message>
        <source>the smallest other subgroup</source>
        <translation>de kleinste andere subgroep</translation>
    </message>
    <message>
        <source>one group “%1”</source>
        <translation>één groep ‘%1’</translation>
    </message>
    <message>
        <source>How to merge small subgroups of %1</source>
        <translation>Hoe kleine subgroepen van %1 worden samengevoegd</translation>
    </message>
    <message>
        <source>&amp;Apply merge suggestion</source>
        <translation>Samenvoegvoorstel &amp;toepassen</translation>
    </message>
    <message>
        <source>Apply merge suggestion for %1</source>
        <translation>Samenvoegvoorstel toepassen voor %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>Undo the last merge of %1</source>
        <translation>Laatste samenvoeging van %1 ongedaan maken</translation>
    </message>
    <message>
        <source>Band &amp;edges</source>
        <translation>&amp;Klassengrenzen</translation>
    </message>
    <message>
        <source>The lowest value of every band after the first, such as 35, 50.</source>
        <translation>De laagste waarde van elke klasse na de eerste, zoals 35, 50.</translation>
    </message>
    <message>
        <source>Band edges of %1</source>
        <translation>Klassengrenzen van %1</translation>
    </message>
    <message>
        <source>Merge two neighbouring bands…</source>
        <translation>Twee aangrenzende klassen samenvoegen…</translation>
    </message>
    <message>
        <source>Merge two neighbouring bands of %1</source>
        <translation>Twee aangrenzende klassen van %1 samenvoegen</translation>
    </message>
</context>
<context>
    <name>BusyBar</name>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <source>Protecting the table…</source>
        <translation>Tabel beveiligen…</translation>
    </message>
    <message>
        <source>No staff file is needed for this programme. Your choices are saved as a draft.</source>
        <translation>Voor dit programma is geen personeelsbestand nodig. Uw keuzes zijn als concept bewaard.</translation>
    </message>
    <message>
        <source>You chose no breakdowns: there are no subgroups to check.</source>
        <translation>U hebt geen uitsplitsingen gekozen: er zijn geen subgroepen te controleren.</translation>
    </message>
    <message>
        <source>%1 needs at least %2 employees in every subgroup, otherwise colleagues in a small group could be recognised. Merge the small subgroups of “%3” to continue.</source>
        <translation>%1 heeft in elke subgroep minstens %2 medewerkers nodig, anders zijn collega’s in een kleine groep herkenbaar. Voeg de kleine subgroepen van ‘%3’ samen om verder te gaan.</translation>
    </message>
    <message>
        <source>Every subgroup is large enough. You can continue.</source>
        <translation>Elke subgroep is groot genoeg. U kunt verder.</translation>
    </message>
    <message>
        <source>Safe categories</source>
        <translation>Veilige indeling</translation>
    </message>
    <message>
        <source>Small subgroups are merged so that no colleague can be recognised in them.</source>
        <translation>Kleine subgroepen worden samengevoegd, zodat niemand daarin herkenbaar is.</translation>
    </message>
    <message>
        <source>The programme asks at least %1 employees per subgroup. The dashed line marks that minimum; red bars are below it.</source>
        <translation>Het programma vraagt minstens %1 medewerkers per subgroep. De stippellijn geeft dat minimum aan; rode balken zitten eronder.</translation>
    </message>
    <message>
        <source>Employees counted per subgroup.</source>
        <translation>Aantal meegetelde medewerkers per subgroep.</translation>
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
        <translation>Verborgen: minder dan %1 medewerkers</translation>
    </message>
    <message>
        <source>Hidden as well, so that the other hidden cells cannot be worked out</source>
        <translation>Ook verborgen, zodat de andere verborgen cellen niet terug te rekenen zijn</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Medewerkers</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <source>%1 of %2 conditions still to confirm, with the name of who confirmed it.</source>
        <translation>Nog %1 van de %2 voorwaarden te bevestigen, met de naam van wie ze bevestigt.</translation>
    </message>
    <message>
        <source>All conditions are confirmed.</source>
        <translation>Alle voorwaarden zijn bevestigd.</translation>
    </message>
    <message>
        <source>Conditions before anything is sent</source>
        <translation>Voorwaarden voordat er iets wordt verstuurd</translation>
    </message>
    <message>
        <source>Confirm each condition only when it has really been met in your organisation.</source>
        <translation>Bevestig een voorwaarde pas als uw organisatie er echt aan voldoet.</translation>
    </message>
    <message>
        <source>The programme sets these conditions. Your confirmations, with date and name, go into the package summary so the receiving office can see them.</source>
        <translation>Het programma stelt deze voorwaarden. Uw bevestigingen komen met datum en naam in de samenvatting van het pakket, zodat de ontvangende instantie ze ziet.</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bevestigd</translation>
    </message>
    <message>
        <source>Confirmed: %1</source>
        <translation>Bevestigd: %1</translation>
    </message>
    <message>
        <source>on</source>
        <translation>op</translation>
    </message>
    <message>
        <source>Date of confirmation</source>
        <translation>Datum van bevestiging</translation>
    </message>
    <message>
        <source>by</source>
        <translation>door</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>Confirmed by (name)</source>
        <translation>Bevestigd door (naam)</translation>
    </message>
</context>
<context>
    <name>CloseQuestion</name>
    <message>
        <source>Not sent yet</source>
        <translation>Nog niet verstuurd</translation>
    </message>
    <message>
        <source>Not sent yet — close anyway?</source>
        <translation>Nog niet verstuurd — toch sluiten?</translation>
    </message>
    <message>
        <source>Your draft and the file are kept: %1. Open the assistant again and it continues where you left off, so you can still send it.</source>
        <translation>Uw concept en het bestand blijven bewaard: %1. Open de assistent opnieuw en u gaat verder waar u was, zodat u het alsnog kunt versturen.</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Blijven</translation>
    </message>
    <message>
        <source>&amp;Close anyway</source>
        <translation>&amp;Toch sluiten</translation>
    </message>
</context>
<context>
    <name>CrossingView</name>
    <message>
        <source>Smallest cell (%1): about %2 people expected, at least %3 needed.</source>
        <translation>Kleinste cel (%1): naar verwachting ongeveer %2 personen, minstens %3 nodig.</translation>
    </message>
    <message>
        <source>Too small: the smallest cell (%1) is expected to hold less than one person (about %2 on average), fewer than %3.</source>
        <translation>Te klein: in de kleinste cel (%1) wordt minder dan één persoon verwacht (gemiddeld ongeveer %2), minder dan %3.</translation>
    </message>
    <message>
        <source>Too small: the smallest cell (%1) is expected to hold only about %2 people, fewer than %3.</source>
        <translation>Te klein: de kleinste cel (%1) telt naar verwachting maar ongeveer %2 personen, minder dan %3.</translation>
    </message>
    <message>
        <source>Proposal %1 (smallest cell then about %2):</source>
        <translation>Voorstel %1 (kleinste cel dan ongeveer %2):</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Toepassen</translation>
    </message>
    <message>
        <source>Apply proposal %1</source>
        <translation>Voorstel %1 toepassen</translation>
    </message>
    <message>
        <source>No coarser grouping passes: leave out a characteristic on the Decisions page, or ask the KSZ or Unia for advice.</source>
        <translation>Geen enkele grovere indeling volstaat: laat een kenmerk weg op de pagina Beslissingen, of vraag advies aan de KSZ of Unia.</translation>
    </message>
</context>
<context>
    <name>DeliveredPanel</name>
    <message>
        <source>Deleted from this computer on %1; noted in your record.</source>
        <translation>Op %1 van deze computer gewist; dit staat in uw verslag.</translation>
    </message>
    <message>
        <source>You confirmed the upload on %1. Your record and the summary PDF say so.</source>
        <translation>U hebt op %1 bevestigd dat u het bestand hebt geüpload. Dit staat in uw verslag en in de samenvatting (pdf).</translation>
    </message>
    <message>
        <source>You confirmed the hand-over on %1. Your record and the summary PDF say so.</source>
        <translation>U hebt op %1 bevestigd dat u het bestand hebt overhandigd. Dit staat in uw verslag en in de samenvatting (pdf).</translation>
    </message>
    <message>
        <source>Upload it in the office&apos;s portal</source>
        <translation>Uploaden in het portaal van de instantie</translation>
    </message>
    <message>
        <source>Log in to the office&apos;s portal in your browser and upload the file shown above (use Show in folder to find it). Then come back here and confirm.</source>
        <translation>Log in op het portaal van de instantie in uw browser en upload daar het bestand dat hierboven staat (met ‘In map tonen’ vindt u het). Kom daarna hier terug en bevestig het.</translation>
    </message>
    <message>
        <source>I have uploade&amp;d it</source>
        <translation>Ik heb het &amp;geüpload</translation>
    </message>
    <message>
        <source>Deliver it to the office</source>
        <translation>Bezorgen bij de instantie</translation>
    </message>
    <message>
        <source>Deliver the file shown above the way you agreed with the office. Then come back here and confirm.</source>
        <translation>Bezorg het bestand dat hierboven staat zoals u met de instantie hebt afgesproken. Kom daarna hier terug en bevestig het.</translation>
    </message>
    <message>
        <source>I have han&amp;ded it over</source>
        <translation>Ik heb het overhan&amp;digd</translation>
    </message>
    <message>
        <source>Use the portal address from the office&apos;s e-mail, with the login it sent you.</source>
        <translation>Gebruik het adres van het portaal uit de e-mail van de instantie, met de inlog die u kreeg.</translation>
    </message>
    <message>
        <source>&amp;Open the office&apos;s portal</source>
        <translation>&amp;Naar het portaal van de instantie</translation>
    </message>
    <message>
        <source>The file holds personal data; once the office has it, you can delete it here. It is overwritten, then removed. Copies on SSD drives, in backups or in synced folders (such as OneDrive) may remain.</source>
        <translation>Het bestand bevat persoonsgegevens; zodra de instantie het heeft, kunt u het hier wissen. Het wordt eerst overschreven en dan verwijderd. Kopieën op een SSD-schijf, in back-ups of in gesynchroniseerde mappen (zoals OneDrive) kunnen blijven bestaan.</translation>
    </message>
    <message>
        <source>Dele&amp;te the file from this computer</source>
        <translation>Bestand van deze computer &amp;wissen</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Demo: nothing leaves this computer; the &apos;office&apos; is a test server inside the assistant.</source>
        <translation>Demo: er verlaat niets deze computer; de &apos;instantie&apos; is een testserver in de assistent zelf.</translation>
    </message>
    <message>
        <source>DEMO - %1</source>
        <translation>DEMO - %1</translation>
    </message>
</context>
<context>
    <name>DiversityWizard</name>
    <message>
        <source>Diversity Assistant</source>
        <translation>Diversiteitsassistent</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; Vo&amp;rige</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Volgende &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>Vol&amp;tooien</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&lt; &amp;Go to the first step</source>
        <translation>&lt; Naar de &amp;eerste stap</translation>
    </message>
    <message>
        <source>Help for this step (F1)</source>
        <translation>Hulp bij deze stap (F1)</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Taal: %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Beslissingen</translation>
    </message>
    <message>
        <source>Motivation</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorieën</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Aanvraag</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programma</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Voorwaarden</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Staff file</source>
        <translation>Personeelsbestand</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolommen</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Controles</translation>
    </message>
    <message>
        <source>Safe categories</source>
        <translation>Veilige indeling</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Make the file</source>
        <translation>Bestand maken</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Sent: the office&apos;s server has the file.</source>
        <translation>Verstuurd: de server van de instantie heeft het bestand.</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Verstuurd naar</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijdstip</translation>
    </message>
    <message>
        <source>SHA-256 on the server</source>
        <translation>SHA-256 op de server</translation>
    </message>
    <message>
        <source>Sent: you confirmed that the office has the file.</source>
        <translation>Verstuurd: u hebt bevestigd dat de instantie het bestand heeft.</translation>
    </message>
    <message>
        <source>Confirmed on</source>
        <translation>Bevestigd op</translation>
    </message>
    <message>
        <source>SHA-256 of the file</source>
        <translation>SHA-256 van het bestand</translation>
    </message>
    <message>
        <source>Not sent yet: the office does not have the file.</source>
        <translation>Nog niet verstuurd: de instantie heeft het bestand nog niet.</translation>
    </message>
    <message>
        <source>The file is saved at</source>
        <translation>Het bestand staat in</translation>
    </message>
    <message>
        <source>Not sent yet: no file for the office was made.</source>
        <translation>Nog niet verstuurd: er is nog geen bestand voor de instantie gemaakt.</translation>
    </message>
    <message>
        <source>Your draft is kept. Open the assistant again and it continues where you left off: send the file in the Send step, in the office&apos;s portal, or with the command diversity-assistant upload (diversity-assistant delivered once you handed it in).</source>
        <translation>Uw concept blijft bewaard. Open de assistent opnieuw en u gaat verder waar u was: verstuur het bestand in de stap Versturen, in het portaal van de instantie, of met de opdracht diversity-assistant upload (diversity-assistant delivered zodra u het hebt overhandigd).</translation>
    </message>
    <message>
        <source>Go Back to make the file; your draft is kept.</source>
        <translation>Ga terug om het bestand te maken; uw concept blijft bewaard.</translation>
    </message>
    <message>
        <source>Your journey through the office&apos;s steps was not updated: %1</source>
        <translation>Uw stappen bij de instantie zijn niet bijgewerkt: %1</translation>
    </message>
    <message>
        <source>Your mail program opens with the e-mail. You can also copy the text below into an e-mail to %1.</source>
        <translation>Uw e-mailprogramma opent met de e-mail. U kunt de tekst hieronder ook kopiëren in een e-mail aan %1.</translation>
    </message>
    <message>
        <source>Copy the text below into an e-mail to %1.</source>
        <translation>Kopieer de tekst hieronder in een e-mail aan %1.</translation>
    </message>
    <message>
        <source>The e-mail&apos;s text is copied.</source>
        <translation>De tekst van de e-mail is gekopieerd.</translation>
    </message>
    <message>
        <source>Choose the folder for the answers</source>
        <translation>Kies de map voor de antwoorden</translation>
    </message>
    <message>
        <source>The answers could not be saved: %1</source>
        <translation>De antwoorden konden niet worden opgeslagen: %1</translation>
    </message>
    <message>
        <source>The answers are saved in %1.</source>
        <translation>De antwoorden zijn opgeslagen in %1.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Whether the file reached the office, and what happens there next.</source>
        <translation>Of het bestand bij de instantie is aangekomen, en wat daar nu gebeurt.</translation>
    </message>
    <message>
        <source>Your file</source>
        <translation>Uw bestand</translation>
    </message>
    <message>
        <source>What happens next at the office</source>
        <translation>Wat er nu gebeurt bij de instantie</translation>
    </message>
    <message>
        <source>Open the summary &amp;PDF</source>
        <translation>Samenvatting (&amp;pdf) openen</translation>
    </message>
    <message>
        <source>&amp;Show the folder</source>
        <translation>&amp;Map tonen</translation>
    </message>
    <message>
        <source>Documents for CBS</source>
        <translation>Documenten voor het CBS</translation>
    </message>
    <message>
        <source>CBS asks for a sign-up e-mail and your answers for its application form. The assistant drafts both, in Dutch, from your choices: the e-mail opens in your mail program, the answers are saved as PDF and ODT to copy into the form.</source>
        <translation>Het CBS vraagt om een aanmeldingsmail en om uw antwoorden voor zijn aanvraagformulier. De assistent stelt beide op uit uw keuzes: de e-mail opent in uw e-mailprogramma, de antwoorden worden bewaard als PDF en ODT om in het formulier over te nemen.</translation>
    </message>
    <message>
        <source>Save the &amp;answers…</source>
        <translation>&amp;Antwoorden opslaan…</translation>
    </message>
    <message>
        <source>Save the answers for CBS&apos;s application form</source>
        <translation>De antwoorden voor het aanvraagformulier van het CBS opslaan</translation>
    </message>
    <message>
        <source>Write the sign-up &amp;e-mail</source>
        <translation>Aanmeldingsmail op&amp;stellen</translation>
    </message>
    <message>
        <source>Cop&amp;y the text</source>
        <translation>Tekst &amp;kopiëren</translation>
    </message>
</context>
<context>
    <name>EncryptPage</name>
    <message>
        <source>Encrypted package (*.p7m)</source>
        <translation>Versleuteld pakket (*.p7m)</translation>
    </message>
    <message>
        <source>OpenPGP encrypted file (*.gpg)</source>
        <translation>Met OpenPGP versleuteld bestand (*.gpg)</translation>
    </message>
    <message>
        <source>7-Zip archive (*.7z)</source>
        <translation>7-Zip-archief (*.7z)</translation>
    </message>
    <message>
        <source>The office&apos;s file (*%1)</source>
        <translation>Bestand voor de instantie (*%1)</translation>
    </message>
    <message>
        <source>Save the file for the office</source>
        <translation>Bestand voor de instantie opslaan</translation>
    </message>
    <message>
        <source>Saving the file…</source>
        <translation>Bestand opslaan…</translation>
    </message>
    <message>
        <source>Making the archive…</source>
        <translation>Archief maken…</translation>
    </message>
    <message>
        <source>Encrypting…</source>
        <translation>Bezig met versleutelen…</translation>
    </message>
    <message>
        <source>The package is signed and encrypted for the office: %1 rows.</source>
        <translation>Het pakket is ondertekend en versleuteld voor de ontvangende instantie: %1 rijen.</translation>
    </message>
    <message>
        <source>The file is signed and encrypted for the office&apos;s OpenPGP key: %1 rows.</source>
        <translation>Het bestand is ondertekend en versleuteld voor de OpenPGP-sleutel van de instantie: %1 rijen.</translation>
    </message>
    <message>
        <source>The archive is made and locked with a passphrase: %1 rows.</source>
        <translation>Het archief is gemaakt en met een wachtzin beveiligd: %1 rijen.</translation>
    </message>
    <message>
        <source>The file for the office is saved: %1 rows.</source>
        <translation>Het bestand voor de instantie is opgeslagen: %1 rijen.</translation>
    </message>
    <message>
        <source>The file is checked once more and saved as the office asks for it, with a record and a summary PDF for your files.</source>
        <translation>Het bestand wordt nog één keer gecontroleerd en opgeslagen zoals de instantie het vraagt, met een verslag en een samenvatting (pdf) voor uw administratie.</translation>
    </message>
    <message>
        <source>The office&apos;s file is saved as it is, readable: its portal&apos;s secure connection protects it on the way. Delete it once the office has it.</source>
        <translation>Het bestand wordt leesbaar opgeslagen, precies zoals de instantie het vraagt: de beveiligde verbinding van het portaal beschermt het onderweg. Wis het zodra de instantie het heeft.</translation>
    </message>
    <message>
        <source>Sa&amp;ve the file for the portal</source>
        <translation>Bestand voor het portaal op&amp;slaan</translation>
    </message>
    <message>
        <source>Sa&amp;ve the file</source>
        <translation>Bestand op&amp;slaan</translation>
    </message>
    <message>
        <source>The file is checked once more and put in a 7-Zip archive locked with a passphrase that only you and the office will know.</source>
        <translation>Het bestand wordt nog één keer gecontroleerd en in een 7-Zip-archief gezet, beveiligd met een wachtzin die alleen u en de instantie kennen.</translation>
    </message>
    <message>
        <source>Only the locked archive (.7z), a record and a summary PDF for your files are written; no readable copy of the employee data.</source>
        <translation>Alleen het beveiligde archief (.7z), een verslag en een samenvatting (pdf) voor uw administratie worden opgeslagen; geen leesbare kopie van de personeelsgegevens.</translation>
    </message>
    <message>
        <source>&amp;Make the archive</source>
        <translation>&amp;Archief maken</translation>
    </message>
    <message>
        <source>Only the encrypted package (%1), a record and a summary PDF for your files are written; no readable copy of the employee data.</source>
        <translation>Alleen het versleutelde pakket (%1), een verslag en een samenvatting (pdf) voor uw administratie worden opgeslagen; geen leesbare kopie van de personeelsgegevens.</translation>
    </message>
    <message>
        <source>The file is checked once more, signed with your organisation&apos;s key and encrypted so that only the office can open it.</source>
        <translation>Het bestand wordt nog eens gecontroleerd, ondertekend met de sleutel van uw organisatie en versleuteld, zodat alleen de ontvangende instantie het kan openen.</translation>
    </message>
    <message>
        <source>&amp;Save as</source>
        <translation>&amp;Opslaan als</translation>
    </message>
    <message>
        <source>&amp;Encrypt and sign</source>
        <translation>Ver&amp;sleutelen en ondertekenen</translation>
    </message>
    <message>
        <source>Your organisation&apos;s OpenPGP key (fingerprint): the office checks with it that the file comes from you</source>
        <translation>De OpenPGP-sleutel van uw organisatie (vingerafdruk): daarmee controleert de instantie dat het bestand van u komt</translation>
    </message>
    <message>
        <source>Where to save the file</source>
        <translation>Waar het bestand wordt opgeslagen</translation>
    </message>
    <message>
        <source>Where to save the file for the office</source>
        <translation>Waar het bestand voor de instantie wordt opgeslagen</translation>
    </message>
    <message>
        <source>Choose where to save the file for the office</source>
        <translation>Kies waar het bestand voor de instantie wordt opgeslagen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Your organisation&apos;s signing certificate (SHA-256): register this fingerprint with the office, so it can verify that the package comes from you</source>
        <translation>Ondertekeningscertificaat van uw organisatie (SHA-256): geef deze vingerafdruk door aan de ontvangende instantie, zodat die kan nagaan dat het pakket van u komt</translation>
    </message>
    <message>
        <source>Make the file</source>
        <translation>Bestand maken</translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation>&amp;Kiezen…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>SHA-256 of the file</source>
        <translation>SHA-256 van het bestand</translation>
    </message>
    <message>
        <source>The passphrase of the archive:</source>
        <translation>De wachtzin van het archief:</translation>
    </message>
    <message>
        <source>The passphrase of the archive</source>
        <translation>De wachtzin van het archief</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Kop&amp;iëren</translation>
    </message>
    <message>
        <source>Copy the passphrase</source>
        <translation>De wachtzin kopiëren</translation>
    </message>
    <message>
        <source>Give it to the office by phone, never in the same e-mail as the file. It is not kept: write it down now if you need it.</source>
        <translation>Geef de wachtzin telefonisch door aan de instantie, nooit in dezelfde e-mail als het bestand. Hij wordt nergens bewaard: schrijf hem nu op als u hem nodig hebt.</translation>
    </message>
    <message>
        <source>Open summary &amp;PDF</source>
        <translation>Samenvatting (&amp;pdf) openen</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>In &amp;map tonen</translation>
    </message>
</context>
<context>
    <name>FetchDialog</name>
    <message>
        <source>Fetch the office&apos;s tables</source>
        <translation>Tabellen van de instantie ophalen</translation>
    </message>
    <message>
        <source>The address the office gave for its SFTP server, with your login name: sftp://name@server/folder. The server&apos;s key is checked as for an upload.</source>
        <translation>Het adres dat de instantie voor haar SFTP-server gaf, met uw inlognaam: sftp://naam@server/map. De sleutel van de server wordt gecontroleerd zoals bij een verzending.</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adres</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Wacht&amp;woord</translation>
    </message>
    <message>
        <source>&amp;Key file (instead of a password)</source>
        <translation>&amp;Sleutelbestand (in plaats van een wachtwoord)</translation>
    </message>
    <message>
        <source>&amp;Host key (when the office gave it)</source>
        <translation>&amp;Hostsleutel (als de instantie die gaf)</translation>
    </message>
    <message>
        <source>&amp;Fetch and import</source>
        <translation>&amp;Ophalen en importeren</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>Ophalen…</translation>
    </message>
    <message>
        <source>This is the first connection to %1 (port %2). Compare the fingerprint of its key with the one the office gave you. Confirm only if every character matches.</source>
        <translation>Dit is de eerste verbinding met %1 (poort %2). Vergelijk de vingerafdruk van zijn sleutel met die van de instantie. Bevestig alleen als elk teken gelijk is.</translation>
    </message>
</context>
<context>
    <name>FieldHelp</name>
    <message>
        <source>What does “%1” mean?</source>
        <translation>Wat betekent ‘%1’?</translation>
    </message>
    <message>
        <source>Help: %1</source>
        <translation>Hulp: %1</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Your staff file</source>
        <translation>Uw personeelsbestand</translation>
    </message>
    <message>
        <source>The file is only read, never changed. Employee data stays on this computer.</source>
        <translation>Het bestand wordt alleen gelezen, nooit gewijzigd. Gegevens van medewerkers blijven op deze computer.</translation>
    </message>
    <message>
        <source>Drag your staff export here (.xlsx, .xlsm, .xls, .ods, .csv), or choose it.</source>
        <translation>Sleep uw personeelsexport hierheen (.xlsx, .xlsm, .xls, .ods, .csv), of kies het bestand.</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Bestand kiezen…</translation>
    </message>
    <message>
        <source>Choose the staff file</source>
        <translation>Kies het personeelsbestand</translation>
    </message>
    <message>
        <source>&amp;Sheet</source>
        <translation>&amp;Werkblad</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Werkblad</translation>
    </message>
    <message>
        <source>Header row (Excel row number)</source>
        <translation>Kopregel (rijnummer in Excel)</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>Voorbeeld van de eerste rijen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>No row holds column names, so the columns are named by their letter. If the file has a header row, give its number above.</source>
        <translation>Geen enkele rij bevat kolomnamen; de kolommen heten daarom naar hun letter. Heeft het bestand wel een kopregel, geef dan hierboven het rijnummer op.</translation>
    </message>
    <message>
        <source>The highlighted row holds the column names. If it is the wrong row, change the header row above.</source>
        <translation>De gemarkeerde rij bevat de kolomnamen. Is het de verkeerde rij, pas dan hierboven de kopregel aan.</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Header &amp;row (Excel row number)</source>
        <translation>&amp;Kopregel (rijnummer in Excel)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Bestand lezen…</translation>
    </message>
    <message>
        <source>Above the header: %1</source>
        <translation>Boven de kopregel: %1</translation>
    </message>
    <message>
        <source> (hidden)</source>
        <translation> (verborgen)</translation>
    </message>
    <message>
        <source>This sheet is hidden in Excel. Is it the right one?</source>
        <translation>Dit werkblad is verborgen in Excel. Is het het juiste werkblad?</translation>
    </message>
    <message>
        <source>%1 data rows and %2 columns read from row %3 on.</source>
        <translation>%1 gegevensrijen en %2 kolommen gelezen, vanaf rij %3.</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Het bestand kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Bestand: %1</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>Nog geen bestand gekozen.</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Waarschuwing</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Ernst</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rijen</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <source>No help for this step yet.</source>
        <translation>Voor deze stap is nog geen hulp.</translation>
    </message>
    <message>
        <source>Help: %1</source>
        <translation>Hulp: %1</translation>
    </message>
    <message>
        <source>Close help (Esc)</source>
        <translation>Hulp sluiten (Esc)</translation>
    </message>
    <message>
        <source>Close help</source>
        <translation>Hulp sluiten</translation>
    </message>
    <message>
        <source>Help for this step</source>
        <translation>Hulp bij deze stap</translation>
    </message>
</context>
<context>
    <name>HostKeyDialog</name>
    <message>
        <source>Unknown server</source>
        <translation>Onbekende server</translation>
    </message>
    <message>
        <source>This is the first upload to %1 (port %2). Compare the fingerprint of its key with the one the office gave you. Confirm only if every character matches.</source>
        <translation>Dit is de eerste verzending naar %1 (poort %2). Vergelijk de vingerafdruk van zijn sleutel met die van de ontvangende instantie. Bevestig alleen als elk teken gelijk is.</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of the server&apos;s key</source>
        <translation>SHA-256-vingerafdruk van de sleutel van de server</translation>
    </message>
    <message>
        <source>The fingerprint &amp;matches</source>
        <translation>De vingerafdruk is &amp;gelijk</translation>
    </message>
    <message>
        <source>It does &amp;not match</source>
        <translation>Hij is &amp;niet gelijk</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Programme</source>
        <translation>&amp;Programma</translation>
    </message>
    <message>
        <source>&amp;Year (peildatum)</source>
        <translation>&amp;Jaar (peildatum)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <source>F&amp;etch from the office&apos;s SFTP server…</source>
        <translation>&amp;Ophalen van de SFTP-server van de instantie…</translation>
    </message>
    <message>
        <source>Import the office&apos;s tables</source>
        <translation>Tabellen van de instantie importeren</translation>
    </message>
    <message>
        <source>Choose the file you downloaded from the office&apos;s portal (CBS: the Excel workbook; KSZ: the CSV or workbook, also as the encrypted .gpg, which is opened with your organisation&apos;s OpenPGP key). Only group figures are kept, for %1.</source>
        <translation>Kies het bestand dat u van het portaal van de instantie hebt gedownload (CBS: de Excel-werkmap; KSZ: de CSV of werkmap, ook als versleuteld .gpg-bestand, dat met de OpenPGP-sleutel van uw organisatie wordt geopend). Alleen groepscijfers worden bewaard, voor %1.</translation>
    </message>
    <message>
        <source>Tables (*.xlsx *.xlsm *.csv *.txt *.gpg *.pgp)</source>
        <translation>Tabellen (*.xlsx *.xlsm *.csv *.txt *.gpg *.pgp)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>B&amp;laderen…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>The office&apos;s tables</source>
        <translation>Tabellen van de instantie</translation>
    </message>
    <message>
        <source>Choose the file first.</source>
        <translation>Kies eerst het bestand.</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Opening the file…</source>
        <translation>Bestand openen…</translation>
    </message>
    <message>
        <source>Reading the rows…</source>
        <translation>Rijen lezen…</translation>
    </message>
    <message>
        <source>Checking the data…</source>
        <translation>Gegevens controleren…</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Voorbeeld wordt voorbereid…</translation>
    </message>
    <message>
        <source>Unlocking the organisation&apos;s key…</source>
        <translation>Sleutel van de organisatie wordt ontgrendeld…</translation>
    </message>
    <message>
        <source>Checking, packaging and protecting…</source>
        <translation>Controleren, verpakken en beveiligen…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Klaar.</translation>
    </message>
    <message>
        <source>Protecting the table…</source>
        <translation>Tabel beveiligen…</translation>
    </message>
</context>
<context>
    <name>JourneyRow</name>
    <message>
        <source>Every step is done.</source>
        <translation>Alle stappen zijn gedaan.</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Where you are: %1</source>
        <translation>Waar u bent: %1</translation>
    </message>
    <message>
        <source>The file for the office is made, not sent yet.</source>
        <translation>Het bestand voor de instantie is gemaakt, nog niet verstuurd.</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Hierna: %1</translation>
    </message>
    <message>
        <source>Waiting for the office: %1</source>
        <translation>Wachten op de instantie: %1</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Openen</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 openen</translation>
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
        <translation>▶ %1. %2 (u bent hier)</translation>
    </message>
    <message>
        <source>Done on %1: %2</source>
        <translation>Gedaan op %1: %2</translation>
    </message>
    <message>
        <source>Not done yet.</source>
        <translation>Nog niet gedaan.</translation>
    </message>
    <message>
        <source>&amp;Attach the documents received…</source>
        <translation>Ontvangen documenten &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Accepted &amp;by:</source>
        <translation>Aanvaard &amp;door:</translation>
    </message>
    <message>
        <source>Accepted &amp;on:</source>
        <translation>Aanvaard o&amp;p:</translation>
    </message>
    <message>
        <source>&amp;Record the acceptance</source>
        <translation>&amp;Aanvaarding vastleggen</translation>
    </message>
    <message>
        <source>&amp;Attach the table set…</source>
        <translation>&amp;Tabellenset toevoegen…</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Uw &amp;naam:</translation>
    </message>
    <message>
        <source>Received &amp;on:</source>
        <translation>Ontvangen o&amp;p:</translation>
    </message>
    <message>
        <source>&amp;Mark as done</source>
        <translation>Als &amp;gedaan markeren</translation>
    </message>
    <message>
        <source>&amp;Attach an evidence file (optional)…</source>
        <translation>Bewijs&amp;stuk toevoegen (niet verplicht)…</translation>
    </message>
    <message>
        <source>Done &amp;on:</source>
        <translation>Gedaan o&amp;p:</translation>
    </message>
    <message>
        <source>&amp;Confirm the login arrived</source>
        <translation>&amp;Bevestigen dat de inloggegevens er zijn</translation>
    </message>
    <message>
        <source>The office&apos;s steps</source>
        <translation>De stappen van de instantie</translation>
    </message>
    <message>
        <source>Only confirm that the login arrived. The letter holds the password: never type it here and do not attach the letter.</source>
        <translation>Bevestig alleen dat de inloggegevens zijn aangekomen. De brief bevat het wachtwoord: typ het hier nooit en voeg de brief niet toe.</translation>
    </message>
    <message>
        <source>&amp;Signed by:</source>
        <translation>&amp;Ondertekend door:</translation>
    </message>
    <message>
        <source>R&amp;eopen this step</source>
        <translation>Stap &amp;heropenen</translation>
    </message>
    <message>
        <source>The documents received</source>
        <translation>De ontvangen documenten</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;All (*)</source>
        <translation>PDF (*.pdf);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Evidence file</source>
        <translation>Bewijsstuk</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
    <message>
        <source>A copy is in the yearly folder.</source>
        <translation>Er staat een kopie in de jaarmap.</translation>
    </message>
</context>
<context>
    <name>JourneyWindow</name>
    <message>
        <source>Your steps with the office</source>
        <translation>Uw stappen bij de instantie</translation>
    </message>
    <message>
        <source>Yearly folder</source>
        <translation>Jaarmap</translation>
    </message>
    <message>
        <source>One folder for everything of this year&apos;s submission: the documents, the protected file, the record, the receipts and the results, with an index, so next year you can repeat this year&apos;s choices. No unencrypted staff file is kept there.</source>
        <translation>Eén map voor alles van de aanlevering van dit jaar: de documenten, het beveiligde bestand, het verslag, de ontvangstbewijzen en de resultaten, met een inhoudsopgave, zodat u volgend jaar de keuzes van dit jaar kunt herhalen. Er wordt geen onversleuteld personeelsbestand in bewaard.</translation>
    </message>
    <message>
        <source>Choose the yearly &amp;folder…</source>
        <translation>&amp;Jaarmap kiezen…</translation>
    </message>
    <message>
        <source>Continue in the assis&amp;tant</source>
        <translation>&amp;Verder in de assistent</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>No folder chosen yet.</source>
        <translation>Nog geen map gekozen.</translation>
    </message>
    <message>
        <source>%1 (not there now: moved, or a drive not connected)</source>
        <translation>%1 (nu niet beschikbaar: verplaatst, of op een schijf die niet is aangesloten)</translation>
    </message>
    <message>
        <source>The yearly folder is set.</source>
        <translation>De jaarmap is ingesteld.</translation>
    </message>
</context>
<context>
    <name>KszCategoriesPage</name>
    <message>
        <source>Checking the crossings…</source>
        <translation>De kruisingen worden gecontroleerd…</translation>
    </message>
    <message>
        <source>Whole organisation</source>
        <translation>Hele organisatie</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>herkomst</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>geslacht</translation>
    </message>
    <message>
        <source>work regime</source>
        <translation>arbeidsregime</translation>
    </message>
    <message>
        <source>age</source>
        <translation>leeftijd</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>iedereen</translation>
    </message>
    <message>
        <source>Own edges (type them below)</source>
        <translation>Eigen grenzen (typ ze hieronder)</translation>
    </message>
    <message>
        <source>Groups: %1.</source>
        <translation>Groepen: %1.</translation>
    </message>
    <message>
        <source>The staff file has not been checked yet: go back to the checks.</source>
        <translation>Het personeelsbestand is nog niet gecontroleerd: ga terug naar de controle.</translation>
    </message>
    <message>
        <source>No own categories chosen: on the Columns page, tick the department and function level columns as breakdowns. The tables then cover the whole organisation (%1 people).</source>
        <translation>Geen eigen categorieën gekozen: vink op de pagina Kolommen de kolommen voor afdeling en functieniveau aan als uitsplitsing. Nu gaan de tabellen over de hele organisatie (%1 personen).</translation>
    </message>
    <message>
        <source>%1: %2 groups: %3</source>
        <translation>%1: %2 groepen: %3</translation>
    </message>
    <message>
        <source>You send no own data, so the tables cover the whole organisation. How many people does it employ? The check needs the number to predict the cells.</source>
        <translation>U stuurt geen eigen gegevens, dus de tabellen gaan over de hele organisatie. Hoeveel mensen werken er? De controle heeft dat aantal nodig om de cellen te voorspellen.</translation>
    </message>
    <message>
        <source>Correct the age bands first.</source>
        <translation>Verbeter eerst de leeftijdscategorieën.</translation>
    </message>
    <message>
        <source>Enter the number of staff to check the crossings.</source>
        <translation>Vul het aantal personeelsleden in om de kruisingen te controleren.</translation>
    </message>
    <message>
        <source>%1 of the %2 requested tables would have cells with fewer than %3 people. Apply a proposal or choose coarser categories to continue.</source>
        <translation>%1 van de %2 gevraagde tabellen zouden cellen met minder dan %3 personen hebben. Pas een voorstel toe of kies grovere categorieën om verder te gaan.</translation>
    </message>
    <message>
        <source>Every requested table is expected to have at least %1 people per cell. You can continue.</source>
        <translation>Elke gevraagde tabel heeft naar verwachting minstens %1 personen per cel. U kunt verder.</translation>
    </message>
    <message>
        <source>The requested data in categories</source>
        <translation>De aangevraagde gegevens in categorieën</translation>
    </message>
    <message>
        <source>To guarantee anonymity, the KSZ sends data in categories only, sized so that no crossing gives too small counts.</source>
        <translation>Om de anonimiteit te garanderen stuurt de KSZ alleen gegevens in categorieën, zo gekozen dat geen kruising te kleine aantallen geeft.</translation>
    </message>
    <message>
        <source>Choose the age bands and origin groups. The assistant predicts the smallest cell of every requested table from your staff numbers and proposes coarser categories where it is too small. You can discuss this with the KSZ or Unia.</source>
        <translation>Kies de leeftijdscategorieën en originegroepen. De assistent voorspelt uit uw personeelsaantallen de kleinste cel van elke gevraagde tabel en stelt grovere categorieën voor waar die te klein is. U kunt dit met de KSZ of Unia bespreken.</translation>
    </message>
    <message>
        <source>Age bands</source>
        <translation>Leeftijdscategorieën</translation>
    </message>
    <message>
        <source>B&amp;ands</source>
        <translation>&amp;Categorieën</translation>
    </message>
    <message>
        <source>&amp;Lower ages of the bands</source>
        <translation>&amp;Ondergrenzen van de categorieën</translation>
    </message>
    <message>
        <source>Lower ages of the bands</source>
        <translation>Ondergrenzen van de categorieën</translation>
    </message>
    <message>
        <source>Origin groups</source>
        <translation>Originegroepen</translation>
    </message>
    <message>
        <source>&amp;Grouping</source>
        <translation>&amp;Indeling</translation>
    </message>
    <message>
        <source>Own categories</source>
        <translation>Eigen categorieën</translation>
    </message>
    <message>
        <source>Number of &amp;staff</source>
        <translation>&amp;Aantal personeelsleden</translation>
    </message>
    <message>
        <source>Number of staff</source>
        <translation>Aantal personeelsleden</translation>
    </message>
    <message>
        <source>Crossing check</source>
        <translation>Controle van de kruisingen</translation>
    </message>
    <message>
        <source>&amp;Undo the last proposal</source>
        <translation>Laatste voorstel &amp;ongedaan maken</translation>
    </message>
    <message>
        <source>Each number starts a band; the first band holds everyone younger. The reference figures allow: %1.</source>
        <translation>Elk getal begint een categorie; de eerste categorie bevat iedereen die jonger is. De referentiecijfers kennen: %1.</translation>
    </message>
    <message>
        <source>Per requested table: the smallest cell the KSZ&apos;s tables are expected to have, against the minimum of %1 people. A prediction from reference shares, not a guarantee.</source>
        <translation>Per gevraagde tabel: de kleinste cel die de tabellen van de KSZ naar verwachting hebben, tegenover het minimum van %1 personen. Een voorspelling uit referentieaandelen, geen garantie.</translation>
    </message>
    <message>
        <source>Reference figures (version %1): %2</source>
        <translation>Referentiecijfers (versie %1): %2</translation>
    </message>
</context>
<context>
    <name>KszDecisionsPage</name>
    <message>
        <source>Choose at least one characteristic.</source>
        <translation>Kies minstens één kenmerk.</translation>
    </message>
    <message>
        <source>Decisions for the KSZ request</source>
        <translation>Beslissingen voor de KSZ-aanvraag</translation>
    </message>
    <message>
        <source>Which data do you need, for which year, which characteristics, and how are they defined?</source>
        <translation>Welke gegevens hebt u nodig, van welk jaar, welke kenmerken, en hoe zijn ze gedefinieerd?</translation>
    </message>
    <message>
        <source>Your diversity or well-being policy sets these goals.</source>
        <translation>Uw diversiteits- of welzijnsbeleid legt die doelstellingen vast.</translation>
    </message>
    <message>
        <source>The KSZ links the characteristics below to your staff and sends back tables in categories only. Ask only what your diversity plan needs: every extra characteristic makes the groups in the tables smaller.</source>
        <translation>De KSZ koppelt de kenmerken hieronder aan uw personeel en stuurt alleen tabellen in categorieën terug. Vraag alleen wat uw diversiteitsplan nodig heeft: elk extra kenmerk maakt de groepen in de tabellen kleiner.</translation>
    </message>
    <message>
        <source>Characteristics to request *</source>
        <translation>Aan te vragen kenmerken *</translation>
    </message>
    <message>
        <source>Origin group (from the nationality of the person and the parents)</source>
        <translation>Originegroep (uit de nationaliteit van de persoon en de ouders)</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geslacht</translation>
    </message>
    <message>
        <source>Age (in age bands)</source>
        <translation>Leeftijd (in leeftijdscategorieën)</translation>
    </message>
    <message>
        <source>Work regime (full-time or part-time)</source>
        <translation>Arbeidsregime (voltijds of deeltijds)</translation>
    </message>
    <message>
        <source>Reference year</source>
        <translation>Referentiejaar</translation>
    </message>
    <message>
        <source>&amp;Reference year *</source>
        <translation>Referentie&amp;jaar *</translation>
    </message>
    <message>
        <source>Your own data for linkage</source>
        <translation>Uw eigen gegevens voor koppeling</translation>
    </message>
    <message>
        <source>We send our own data (department, function level) for linkage</source>
        <translation>We sturen eigen gegevens (afdeling, functieniveau) door voor koppeling</translation>
    </message>
    <message>
        <source>Public institutions may send, per employee, the INSZ and their own categories. The KSZ links them to its data, so the tables show for example origin per department. The assistant then reads your staff file, checks it and encrypts the linkage file. Without it, the tables cover the whole organisation.</source>
        <translation>Openbare instellingen mogen per medewerker het INSZ en hun eigen categorieën doorsturen. De KSZ koppelt die aan haar gegevens, zodat de tabellen bijvoorbeeld de herkomst per afdeling tonen. De assistent leest dan uw personeelsbestand, controleert het en versleutelt het koppelingsbestand. Zonder eigen gegevens gaan de tabellen over de hele organisatie.</translation>
    </message>
    <message>
        <source>Your own definitions (optional)</source>
        <translation>Uw eigen definities (niet verplicht)</translation>
    </message>
    <message>
        <source>One per line, as “term: definition”, for example “Staff: statutory and contract staff on 31 December”. They are added to the request.</source>
        <translation>Eén per regel, als “begrip: definitie”, bijvoorbeeld “Personeel: statutair en contractueel personeel op 31 december”. Ze worden aan de aanvraag toegevoegd.</translation>
    </message>
    <message>
        <source>Your own definitions</source>
        <translation>Uw eigen definities</translation>
    </message>
    <message>
        <source>The KSZ data describe your staff in this year: everyone employed on 31 December %1, with their age on that day. Keep the same year each time.</source>
        <translation>De gegevens van de KSZ beschrijven uw personeel in dit jaar: iedereen die op 31&#xa0;december&#xa0;%1 in dienst is, met de leeftijd op die dag. Kies bij een volgende meting telkens op dezelfde manier het jaar.</translation>
    </message>
    <message>
        <source>(The grouping is chosen on the Categories page.)</source>
        <translation>(De indeling kiest u op de pagina Categorieën.)</translation>
    </message>
</context>
<context>
    <name>KszMotivationPage</name>
    <message>
        <source>Motivated in your own words.</source>
        <translation>Gemotiveerd in eigen woorden.</translation>
    </message>
    <message>
        <source>%1 of the 4 parts still need your own motivation.</source>
        <translation>%1 van de 4 onderdelen hebben nog uw eigen motivering nodig.</translation>
    </message>
    <message>
        <source>The motivation is complete.</source>
        <translation>De motivering is volledig.</translation>
    </message>
    <message>
        <source>Motivation of the KSZ request</source>
        <translation>Motivering van de KSZ-aanvraag</translation>
    </message>
    <message>
        <source>Justify the request, both its purpose and its proportionality. Diversity monitoring is needed to evaluate your diversity policy.</source>
        <translation>Rechtvaardig de aanvraag, zowel het doel als de proportionaliteit. Diversiteitsmonitoring is nodig om uw diversiteitsbeleid te evalueren.</translation>
    </message>
    <message>
        <source>The KSZ sends back requests that only repeat the example. Write what your organisation will do with the tables and why less data would not do.</source>
        <translation>De KSZ stuurt aanvragen terug die alleen het voorbeeld herhalen. Schrijf wat uw organisatie met de tabellen gaat doen en waarom minder gegevens niet volstaan.</translation>
    </message>
    <message>
        <source>Example: a baseline measurement of internal diversity, as the basis for positive actions.</source>
        <translation>Voorbeeld: een nulmeting van de interne diversiteit, als basis voor positieve acties.</translation>
    </message>
    <message>
        <source>The decree, law or regulation your diversity policy rests on (article).</source>
        <translation>Het decreet, de wet of de regeling waarop uw diversiteitsbeleid steunt (artikel).</translation>
    </message>
    <message>
        <source>Why these characteristics and categories, and why not fewer or finer ones; only tables in categories come back.</source>
        <translation>Waarom deze kenmerken en categorieën, en waarom niet minder of fijnere; alleen tabellen in categorieën komen terug.</translation>
    </message>
    <message>
        <source>Which action point of your diversity plan this measurement serves.</source>
        <translation>Welk actiepunt van uw diversiteitsplan deze meting dient.</translation>
    </message>
    <message>
        <source>Start from the KSZ example</source>
        <translation>Beginnen met het voorbeeld van de KSZ</translation>
    </message>
    <message>
        <source>Start %1 from the KSZ example</source>
        <translation>%1 beginnen met het voorbeeld van de KSZ</translation>
    </message>
    <message>
        <source>Unia can help with the motivation; see its guide “Monitoring van diversiteit: doe het zelf!”.</source>
        <translation>Unia kan helpen bij de motivering; zie de gids “Monitoring van diversiteit: doe het zelf!”.</translation>
    </message>
</context>
<context>
    <name>KszRequestPage</name>
    <message>
        <source>Making the key pair…</source>
        <translation>Het sleutelpaar wordt gemaakt…</translation>
    </message>
    <message>
        <source>Choose the public key exported from Kleopatra</source>
        <translation>Kies de publieke sleutel die u uit Kleopatra hebt geëxporteerd</translation>
    </message>
    <message>
        <source>OpenPGP public key (*.asc *.gpg *.pgp);;All files (*)</source>
        <translation>Publieke OpenPGP-sleutel (*.asc *.gpg *.pgp);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kan niet worden gelezen: %2</translation>
    </message>
    <message>
        <source>Save the public key</source>
        <translation>Publieke sleutel bewaren</translation>
    </message>
    <message>
        <source>OpenPGP public key (*.asc)</source>
        <translation>Publieke OpenPGP-sleutel (*.asc)</translation>
    </message>
    <message>
        <source>The public key could not be saved: %1</source>
        <translation>De publieke sleutel kon niet worden bewaard: %1</translation>
    </message>
    <message>
        <source>Public key saved: %1</source>
        <translation>Publieke sleutel bewaard: %1</translation>
    </message>
    <message>
        <source>Save a backup of the secret key</source>
        <translation>Reservekopie van de geheime sleutel bewaren</translation>
    </message>
    <message>
        <source>OpenPGP key backup (*.pgp)</source>
        <translation>Reservekopie van een OpenPGP-sleutel (*.pgp)</translation>
    </message>
    <message>
        <source>The backup could not be saved: %1</source>
        <translation>De reservekopie kon niet worden bewaard: %1</translation>
    </message>
    <message>
        <source>Backup saved: %1. Keep it and its passphrase apart; GnuPG or Kleopatra restore it (gpg --decrypt the file, then import it).</source>
        <translation>Reservekopie bewaard: %1. Bewaar het bestand en de wachtwoordzin apart van elkaar; met GnuPG of Kleopatra zet u de sleutel terug (het bestand ontsleutelen met gpg --decrypt en dan importeren).</translation>
    </message>
    <message>
        <source>Choose the folder for the request documents</source>
        <translation>Kies de map voor de aanvraagdocumenten</translation>
    </message>
    <message>
        <source>The documents could not be saved: %1</source>
        <translation>De documenten konden niet worden bewaard: %1</translation>
    </message>
    <message>
        <source>The request to the KSZ</source>
        <translation>De aanvraag bij de KSZ</translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation>Vingerafdruk: %1</translation>
    </message>
    <message>
        <source>The KSZ will encrypt the tables to this key. Send the public key with the request and check the fingerprint with the KSZ by phone or letter.</source>
        <translation>De KSZ versleutelt de tabellen met deze sleutel. Stuur de publieke sleutel mee met de aanvraag en controleer de vingerafdruk met de KSZ per telefoon of brief.</translation>
    </message>
    <message>
        <source>The fingerprint you entered on the organisation page is used. Export the public key from Kleopatra yourself, or choose its file here.</source>
        <translation>De vingerafdruk die u op de organisatiepagina invulde, wordt gebruikt. Exporteer de publieke sleutel zelf uit Kleopatra, of kies het bestand hier.</translation>
    </message>
    <message>
        <source>No key yet. Make a key pair here, or use the public key of a key pair your organisation already has in Kleopatra.</source>
        <translation>Nog geen sleutel. Maak hier een sleutelpaar, of gebruik de publieke sleutel van een sleutelpaar dat uw organisatie al in Kleopatra heeft.</translation>
    </message>
    <message>
        <source>The secret key stays on this computer, protected by a passphrase. Without it the tables cannot be opened: save a backup, protected by a passphrase you keep apart.</source>
        <translation>De geheime sleutel blijft op deze computer, beveiligd met een wachtwoordzin. Zonder die sleutel zijn de tabellen niet te openen: bewaar een reservekopie, beveiligd met een wachtwoordzin die u apart bewaart.</translation>
    </message>
    <message>
        <source>Save a backup of the secret ke&amp;y…</source>
        <translation>Reservekopie van de &amp;geheime sleutel bewaren…</translation>
    </message>
    <message>
        <source>Before the request can be made:</source>
        <translation>Voordat de aanvraag kan worden gemaakt:</translation>
    </message>
    <message>
        <source>Saved in %1:</source>
        <translation>Bewaard in %1:</translation>
    </message>
    <message>
        <source>The organisation&apos;s key to receive the tables, and the request documents in Dutch and French.</source>
        <translation>De sleutel van de organisatie om de tabellen te ontvangen, en de aanvraagdocumenten in het Nederlands en het Frans.</translation>
    </message>
    <message>
        <source>The KSZ sends the tables encrypted with OpenPGP (GnuPG, Kleopatra). The request names the fingerprint of your organisation&apos;s public key.</source>
        <translation>De KSZ stuurt de tabellen versleuteld met OpenPGP (GnuPG, Kleopatra). De aanvraag vermeldt de vingerafdruk van de publieke sleutel van uw organisatie.</translation>
    </message>
    <message>
        <source>The organisation&apos;s OpenPGP key</source>
        <translation>De OpenPGP-sleutel van de organisatie</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Vingerafdruk</translation>
    </message>
    <message>
        <source>&amp;Make a key pair</source>
        <translation>Sleutelpaar &amp;maken</translation>
    </message>
    <message>
        <source>Use a key from &amp;Kleopatra…</source>
        <translation>Sleutel uit &amp;Kleopatra gebruiken…</translation>
    </message>
    <message>
        <source>&amp;Save the public key…</source>
        <translation>Publieke sleutel &amp;bewaren…</translation>
    </message>
    <message>
        <source>The request documents</source>
        <translation>De aanvraagdocumenten</translation>
    </message>
    <message>
        <source>The request in Dutch and in French, as PDF to read and sign and as ODT to edit or copy into the KSZ form, with the public key beside them.</source>
        <translation>De aanvraag in het Nederlands en in het Frans, als PDF om te lezen en te ondertekenen en als ODT om te bewerken of over te nemen in het formulier van de KSZ, met de publieke sleutel erbij.</translation>
    </message>
    <message>
        <source>Save the &amp;documents in a folder…</source>
        <translation>&amp;Documenten in een map bewaren…</translation>
    </message>
    <message>
        <source>Show the f&amp;older</source>
        <translation>M&amp;ap tonen</translation>
    </message>
    <message>
        <source>What comes next</source>
        <translation>Wat volgt</translation>
    </message>
    <message>
        <source>1. Fill in the form from the KSZ&apos;s “Basisschema voor gegevensaanvragen” and send it to the KSZ with these documents and the public key.</source>
        <translation>1. Vul het formulier uit het “Basisschema voor gegevensaanvragen” van de KSZ in en stuur het met deze documenten en de publieke sleutel naar de KSZ.</translation>
    </message>
    <message>
        <source>2. The linkage file (INSZ and your own categories) is reviewed and encrypted in the next steps; send it when the KSZ asks for it.</source>
        <translation>2. Het koppelingsbestand (INSZ en uw eigen categorieën) wordt in de volgende stappen nagekeken en versleuteld; stuur het wanneer de KSZ erom vraagt.</translation>
    </message>
    <message>
        <source>2. You send no own data: there is no linkage file to prepare.</source>
        <translation>2. U stuurt geen eigen gegevens: er is geen koppelingsbestand voor te bereiden.</translation>
    </message>
    <message>
        <source>3. The KSZ sends the tables encrypted to your key. Import them in the assistant&apos;s start window with “View results”: it opens them with your key. Kleopatra opens them too.</source>
        <translation>3. De KSZ stuurt de tabellen versleuteld met uw sleutel. Importeer ze in het startvenster van de assistent met ‘Resultaten bekijken’: die opent ze met uw sleutel. Kleopatra opent ze ook.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>The columns were suggested anew from your file. Check them.</source>
        <translation>De kolommen zijn opnieuw voorgesteld op basis van uw bestand. Controleer ze.</translation>
    </message>
    <message>
        <source>Age (band at the reference date)</source>
        <translation>Leeftijd (klasse op de peildatum)</translation>
    </message>
    <message>
        <source>Year of entry (band)</source>
        <translation>Jaar van indiensttreding (klasse)</translation>
    </message>
    <message>
        <source>not mapped</source>
        <translation>niet gekoppeld</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>exacte naam</translation>
    </message>
    <message>
        <source>known name, %1%</source>
        <translation>bekende naam, %1%</translation>
    </message>
    <message>
        <source>similar name, %1%</source>
        <translation>vergelijkbare naam, %1%</translation>
    </message>
    <message>
        <source>chosen by you</source>
        <translation>door u gekozen</translation>
    </message>
    <message>
        <source>(empty column)</source>
        <translation>(lege kolom)</translation>
    </message>
    <message>
        <source>Identification key</source>
        <translation>Identificatiesleutel</translation>
    </message>
    <message>
        <source>Match and examples</source>
        <translation>Herkenning en voorbeelden</translation>
    </message>
    <message>
        <source>Column “%1” is chosen for more than one field: %2. Choose one column per field.</source>
        <translation>Kolom ‘%1’ is voor meer dan één veld gekozen: %2. Kies per veld een eigen kolom.</translation>
    </message>
    <message>
        <source>Still to map: %1.</source>
        <translation>Nog te koppelen: %1.</translation>
    </message>
    <message>
        <source>Employees are identified by: %1.</source>
        <translation>Medewerkers worden herkend aan: %1.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> of </translation>
    </message>
    <message>
        <source>Map the columns of one way to identify employees: %1.</source>
        <translation>Koppel de kolommen van één manier om medewerkers te herkennen: %1.</translation>
    </message>
    <message>
        <source>map “%1” first</source>
        <translation>koppel eerst “%1”</translation>
    </message>
    <message>
        <source>used as a field above</source>
        <translation>hierboven als veld gebruikt</translation>
    </message>
    <message>
        <source>looks like: %1</source>
        <translation>lijkt op: %1</translation>
    </message>
    <message>
        <source>Choose at most %1 breakdowns.</source>
        <translation>Kies hoogstens %1 uitsplitsingen.</translation>
    </message>
    <message>
        <source>Breakdowns chosen: %1.</source>
        <translation>Gekozen uitsplitsingen: %1.</translation>
    </message>
    <message>
        <source>No breakdown chosen: the figures cover the whole organisation.</source>
        <translation>Geen uitsplitsing gekozen: de cijfers gaan over de hele organisatie.</translation>
    </message>
    <message>
        <source>— choose a code —</source>
        <translation>— kies een code —</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolommen</translation>
    </message>
    <message>
        <source>Check which column of your file feeds each field. The assistant has suggested a choice.</source>
        <translation>Controleer welke kolom van uw bestand bij elk veld hoort. De assistent heeft een keuze voorgesteld.</translation>
    </message>
    <message>
        <source>Examples come from your file and stay on this computer; identifying numbers are partly hidden.</source>
        <translation>De voorbeelden komen uit uw bestand en blijven op deze computer; identificerende nummers zijn deels verborgen.</translation>
    </message>
    <message>
        <source>Fields of the programme</source>
        <translation>Velden van het programma</translation>
    </message>
    <message>
        <source>Coded values</source>
        <translation>Gecodeerde waarden</translation>
    </message>
    <message>
        <source>Check how the values in your file translate to the programme&apos;s codes.</source>
        <translation>Controleer hoe de waarden in uw bestand worden vertaald naar de codes van het programma.</translation>
    </message>
    <message>
        <source>Breakdowns (subgroups)</source>
        <translation>Uitsplitsingen (subgroepen)</translation>
    </message>
    <message>
        <source>Breakdown columns</source>
        <translation>Kolommen voor uitsplitsing</translation>
    </message>
    <message>
        <source>&amp;Save mapping…</source>
        <translation>Koppeling &amp;opslaan…</translation>
    </message>
    <message>
        <source>&amp;Load mapping…</source>
        <translation>Koppeling &amp;laden…</translation>
    </message>
    <message>
        <source>S&amp;tart from a suggestion</source>
        <translation>&amp;Begin met een voorstel</translation>
    </message>
    <message>
        <source>The saved mapping does not fit this file: %1</source>
        <translation>De opgeslagen koppeling past niet bij dit bestand: %1</translation>
    </message>
    <message>
        <source>Choose “Start from a suggestion” to map the columns anew, or load a mapping that fits.</source>
        <translation>Kies „Begin met een voorstel” om de kolommen opnieuw te koppelen, of laad een koppeling die past.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Column in your file</source>
        <translation>Kolom in uw bestand</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— niet in het bestand —</translation>
    </message>
    <message>
        <source>Column for %1</source>
        <translation>Kolom voor %1</translation>
    </message>
    <message>
        <source>%1 (column “%2”)</source>
        <translation>%1 (kolom ‘%2’)</translation>
    </message>
    <message>
        <source>Code for the value %1</source>
        <translation>Code voor de waarde %1</translation>
    </message>
    <message>
        <source>Not recognised: %1. Choose a code, or these rows will be reported as errors.</source>
        <translation>Niet herkend: %1. Kies een code; anders worden deze rijen als fout gemeld.</translation>
    </message>
    <message>
        <source>This column has many different values. Is it the right column?</source>
        <translation>Deze kolom heeft veel verschillende waarden. Is het de juiste kolom?</translation>
    </message>
    <message>
        <source>All values are recognised.</source>
        <translation>Alle waarden zijn herkend.</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>Koppeling opslaan</translation>
    </message>
    <message>
        <source>Tick the columns that hold a subgroup, such as department or function level. Each subgroup should be large enough; a later step shows the small ones and helps you merge them.</source>
        <translation>Vink de kolommen aan met een subgroep, zoals afdeling of functieniveau. Elke subgroep moet groot genoeg zijn; een volgende stap toont de kleine subgroepen en helpt u ze samen te voegen.</translation>
    </message>
    <message>
        <source>Mapping (*.json)</source>
        <translation>Koppeling (*.json)</translation>
    </message>
    <message>
        <source>Mapping saved to %1.</source>
        <translation>Koppeling opgeslagen in %1.</translation>
    </message>
    <message>
        <source>Load mapping</source>
        <translation>Koppeling laden</translation>
    </message>
    <message>
        <source>Mapping loaded from %1.</source>
        <translation>Koppeling geladen uit %1.</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Number of employees per payroll tax number *</source>
        <translation>Aantal medewerkers per loonheffingennummer *</translation>
    </message>
    <message>
        <source>CBS checks its own selection against these numbers. Count the jobs (banen) on the reference date: someone with two jobs counts twice.</source>
        <translation>Het CBS controleert zijn eigen selectie met deze aantallen. Tel de banen op de peildatum: iemand met twee banen telt twee keer.</translation>
    </message>
    <message>
        <source>Enter your payroll tax number(s) above first.</source>
        <translation>Vul eerst hierboven uw loonheffingennummer(s) in.</translation>
    </message>
    <message>
        <source>Employees under %1</source>
        <translation>Medewerkers onder %1</translation>
    </message>
    <message>
        <source>Your organisation</source>
        <translation>Uw organisatie</translation>
    </message>
    <message>
        <source>These details go into the application and the package summary. Fields marked * are required.</source>
        <translation>Deze gegevens komen in de aanvraag en in de samenvatting van het pakket. Velden met * zijn verplicht.</translation>
    </message>
    <message>
        <source>Numbers are checked while you type. Separate several numbers with a semicolon.</source>
        <translation>Nummers worden gecontroleerd terwijl u typt. Scheid meerdere nummers met een puntkomma.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Reference date and who is counted</source>
        <translation>Peildatum en wie meetelt</translation>
    </message>
    <message>
        <source>&amp;Reference date (peildatum) *</source>
        <translation>&amp;Peildatum *</translation>
    </message>
    <message>
        <source>Reference date (peildatum)</source>
        <translation>Peildatum</translation>
    </message>
    <message>
        <source>Everyone employed on this date is counted. Keep the same date across years.</source>
        <translation>Iedereen die op deze datum in dienst is, telt mee. Houd elk jaar dezelfde datum aan.</translation>
    </message>
    <message>
        <source>Counted are the staff employed on 31 December of the reference year, which you choose in the next step (Decisions).</source>
        <translation>Geteld wordt wie op 31&#xa0;december van het refertejaar in dienst is; dat jaar kiest u in de volgende stap (Beslissingen).</translation>
    </message>
    <message>
        <source>Also count</source>
        <translation>Ook meetellen</translation>
    </message>
    <message>
        <source>Who is counted</source>
        <translation>Wie telt er mee</translation>
    </message>
    <message>
        <source>e.g. 123456782L01; 123456782L02</source>
        <translation>bijv. 123456782L01; 123456782L02</translation>
    </message>
    <message>
        <source>e.g. 0203.201.340</source>
        <translation>bijv. 0203.201.340</translation>
    </message>
    <message>
        <source>A number is entered twice.</source>
        <translation>Een nummer staat er twee keer in.</translation>
    </message>
    <message>
        <source>Valid KBO number(s): %1</source>
        <translation>Geldige KBO-nummer(s): %1</translation>
    </message>
    <message>
        <source>Valid payroll tax number(s): %1</source>
        <translation>Geldige loonheffingennummer(s): %1</translation>
    </message>
    <message>
        <source>This is not an e-mail address (name@example.org).</source>
        <translation>Dit is geen e-mailadres (naam@voorbeeld.nl).</translation>
    </message>
    <message>
        <source>“%1” is not a payroll tax number: expected 9 digits, the letter L and 2 digits, for example 123456782L01.</source>
        <translation>‘%1’ is geen loonheffingennummer: verwacht 9 cijfers, de letter L en 2 cijfers, bijvoorbeeld 123456782L01.</translation>
    </message>
    <message>
        <source>“%1”: the first part must have 9 digits.</source>
        <translation>‘%1’: het eerste deel moet 9 cijfers hebben.</translation>
    </message>
    <message>
        <source>“%1” fails the eleven-test (elfproef): probably a typing error in the first 9 digits.</source>
        <translation>‘%1’ haalt de elfproef niet: waarschijnlijk een tikfout in de eerste 9 cijfers.</translation>
    </message>
    <message>
        <source>“%1” is not a KBO number: expected 10 digits, e.g. 0203.201.340.</source>
        <translation>‘%1’ is geen KBO-nummer: verwacht 10 cijfers, bijv. 0203.201.340.</translation>
    </message>
    <message>
        <source>“%1”: a KBO number has 10 digits.</source>
        <translation>‘%1’: een KBO-nummer heeft 10 cijfers.</translation>
    </message>
    <message>
        <source>“%1” fails the check digits (modulo 97): probably a typing error.</source>
        <translation>‘%1’ klopt niet met de controlecijfers (modulo 97): waarschijnlijk een tikfout.</translation>
    </message>
    <message>
        <source>“%1” is not a valid number.</source>
        <translation>‘%1’ is geen geldig nummer.</translation>
    </message>
    <message>
        <source>Type the year(s) you took part in, for example 2022 or 2022, 2024.</source>
        <translation>Vul het jaar of de jaren in waarin u meedeed, bijvoorbeeld 2022 of 2022, 2024.</translation>
    </message>
    <message>
        <source>%1 is not a year you can have taken part in.</source>
        <translation>%1 is geen jaar waarin u kunt hebben meegedaan.</translation>
    </message>
    <message>
        <source>No, this is the first time</source>
        <translation>Nee, dit is de eerste keer</translation>
    </message>
    <message>
        <source>Yes, in:</source>
        <translation>Ja, in:</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>e.g. 2022, 2024</source>
        <translation>bijv. 2022, 2024</translation>
    </message>
    <message>
        <source>Year(s) taken part</source>
        <translation>Jaar of jaren van deelname</translation>
    </message>
    <message>
        <source>Your earlier answer: “%1”. Choose no or yes.</source>
        <translation>Uw eerdere antwoord: ‘%1’. Kies nee of ja.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase for the backup</source>
        <translation>Wachtwoordzin voor de reservekopie</translation>
    </message>
    <message>
        <source>Choose a passphrase for the backup of the key</source>
        <translation>Kies een wachtwoordzin voor de reservekopie van de sleutel</translation>
    </message>
    <message>
        <source>The backup opens with this passphrase on any computer (GnuPG, Kleopatra). Keep it apart from the backup file, for example in a safe or a password manager. Use at least 12 characters or at least four words.</source>
        <translation>De reservekopie gaat met deze wachtwoordzin open op elke computer (GnuPG, Kleopatra). Bewaar hem apart van het bestand, bijvoorbeeld in een kluis of een wachtwoordbeheerder. Gebruik minstens 12 tekens of minstens vier woorden.</translation>
    </message>
    <message>
        <source>Save the &amp;backup</source>
        <translation>Reservekopie &amp;opslaan</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Kies een wachtwoordzin</translation>
    </message>
    <message>
        <source>Choose a passphrase for your organisation&apos;s OpenPGP key</source>
        <translation>Kies een wachtwoordzin voor de OpenPGP-sleutel van uw organisatie</translation>
    </message>
    <message>
        <source>Choose a passphrase for your organisation&apos;s signing key</source>
        <translation>Kies een wachtwoordzin voor de ondertekeningssleutel van uw organisatie</translation>
    </message>
    <message>
        <source>The key is locked with this passphrase instead of with this computer&apos;s password safe. You will be asked for it each time the key is used. Use at least 12 characters or at least four words.</source>
        <translation>De sleutel wordt met deze wachtwoordzin beveiligd in plaats van met de wachtwoordkluis van deze computer. Telkens als de sleutel wordt gebruikt, wordt ernaar gevraagd. Gebruik minstens 12 tekens of minstens vier woorden.</translation>
    </message>
    <message>
        <source>&amp;Lock the key with it</source>
        <translation>&amp;Beveilig de sleutel hiermee</translation>
    </message>
    <message>
        <source>Passphrase of the key</source>
        <translation>Wachtwoordzin van de sleutel</translation>
    </message>
    <message>
        <source>Type the passphrase of your organisation&apos;s OpenPGP key</source>
        <translation>Typ de wachtwoordzin van de OpenPGP-sleutel van uw organisatie</translation>
    </message>
    <message>
        <source>Type the passphrase of your organisation&apos;s signing key</source>
        <translation>Typ de wachtwoordzin van de ondertekeningssleutel van uw organisatie</translation>
    </message>
    <message>
        <source>This key is locked with a passphrase that was chosen when it was made.</source>
        <translation>Deze sleutel is beveiligd met een wachtwoordzin die werd gekozen toen de sleutel werd gemaakt.</translation>
    </message>
    <message>
        <source>&amp;Open the key</source>
        <translation>Sleutel &amp;openen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Wachtwoordzin</translation>
    </message>
    <message>
        <source>Type it &amp;again</source>
        <translation>Typ hem &amp;nogmaals</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>The passphrase again</source>
        <translation>De wachtwoordzin nogmaals</translation>
    </message>
    <message>
        <source>&amp;Show the passphrase</source>
        <translation>Wachtwoordzin &amp;tonen</translation>
    </message>
    <message>
        <source>Without this passphrase the backup cannot be opened.</source>
        <translation>Zonder deze wachtwoordzin gaat de reservekopie niet open.</translation>
    </message>
    <message>
        <source>The passphrase cannot be recovered: if it is lost, a new key must be made and its fingerprint registered with the office again.</source>
        <translation>De wachtwoordzin kan niet worden hersteld: raakt u hem kwijt, dan moet er een nieuwe sleutel worden gemaakt en moet de vingerafdruk ervan opnieuw bij het bureau worden geregistreerd.</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>Which programme are you preparing?</source>
        <translation>Voor welk programma bereidt u de gegevens voor?</translation>
    </message>
    <message>
        <source>The assistant asks only what this programme needs. You can come back and change it.</source>
        <translation>De assistent vraagt alleen wat dit programma nodig heeft. U kunt later terugkomen en dit wijzigen.</translation>
    </message>
    <message>
        <source>Choose the programme your organisation takes part in. Nothing leaves this computer until you upload the encrypted package at the end.</source>
        <translation>Kies het programma waaraan uw organisatie deelneemt. Er verlaat niets deze computer totdat u aan het eind het versleutelde pakket uploadt.</translation>
    </message>
    <message>
        <source>I have a staff export: count the employees per payroll tax number and check it</source>
        <translation>Ik heb een personeelsexport: tel de medewerkers per loonheffingennummer en controleer de export</translation>
    </message>
</context>
<context>
    <name>ResultsWindow</name>
    <message>
        <source>Results</source>
        <translation>Resultaten</translation>
    </message>
    <message>
        <source>Results for %1</source>
        <translation>Resultaten voor %1</translation>
    </message>
    <message>
        <source>Nothing is kept yet. Import the tables the office returned: the file you downloaded from its portal.</source>
        <translation>Er is nog niets bewaard. Importeer de tabellen die de instantie terugstuurde: het bestand dat u van haar portaal hebt gedownload.</translation>
    </message>
    <message>
        <source>&amp;Import the office&apos;s tables…</source>
        <translation>Tabellen van de instantie &amp;importeren…</translation>
    </message>
    <message>
        <source>Save the &amp;report…</source>
        <translation>&amp;Rapport opslaan…</translation>
    </message>
    <message>
        <source>Per subgroup</source>
        <translation>Per subgroep</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Jaar</translation>
    </message>
    <message>
        <source>Brea&amp;kdown</source>
        <translation>&amp;Uitsplitsing</translation>
    </message>
    <message>
        <source>Benchmark (typed in or from a CSV; nothing is fetched)</source>
        <translation>Vergelijking (ingevuld of uit een CSV; er wordt niets opgehaald)</translation>
    </message>
    <message>
        <source>Year over year</source>
        <translation>Van jaar tot jaar</translation>
    </message>
    <message>
        <source>&amp;Subgroup</source>
        <translation>&amp;Subgroep</translation>
    </message>
    <message>
        <source>Before you publish</source>
        <translation>Voordat u publiceert</translation>
    </message>
    <message>
        <source>The publication check: could a published figure tell something about fewer people than the threshold, directly or by subtracting figures?</source>
        <translation>De publicatiecheck: kan een gepubliceerd cijfer iets zeggen over minder mensen dan de drempel, direct of door cijfers van elkaar af te trekken?</translation>
    </message>
    <message>
        <source>within chance</source>
        <translation>binnen toeval</translation>
    </message>
    <message>
        <source>Band: what chance explains (95%, Wilson, over the group size)</source>
        <translation>Balk: wat toeval verklaart (95%, Wilson, over de groepsgrootte)</translation>
    </message>
    <message>
        <source>One year of this series so far: the comparison between years follows once you import another year&apos;s tables.</source>
        <translation>Eén jaar van deze reeks tot nu toe: de vergelijking tussen jaren volgt zodra u de tabellen van een ander jaar importeert.</translation>
    </message>
    <message>
        <source>Checking the figures before you publish them…</source>
        <translation>De cijfers worden gecontroleerd voordat u ze publiceert…</translation>
    </message>
    <message>
        <source>Imported and kept in %1.</source>
        <translation>Geïmporteerd en bewaard in %1.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Rapport opslaan</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Het rapport wordt gemaakt…</translation>
    </message>
    <message>
        <source>Report saved: %1, with the tables (%2) and the charts (%3).</source>
        <translation>Rapport opgeslagen: %1, met de tabellen (%2) en de grafieken (%3).</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Preparing the preview…</source>
        <translation>Voorbeeld wordt voorbereid…</translation>
    </message>
    <message>
        <source>Check your answers</source>
        <translation>Controleer uw antwoorden</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Opslaan als pdf</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Pdf-documenten (*.pdf)</translation>
    </message>
    <message>
        <source>The overview could not be saved to %1: %2</source>
        <translation>Het overzicht kon niet worden opgeslagen in %1: %2</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Opgeslagen als %1</translation>
    </message>
    <message>
        <source>Check your answers, then confirm</source>
        <translation>Controleer uw antwoorden en bevestig</translation>
    </message>
    <message>
        <source>Exactly what will leave this computer, and how it reaches the office.</source>
        <translation>Precies wat deze computer verlaat, en hoe het bij de instantie komt.</translation>
    </message>
    <message>
        <source>Every answer you gave, as it will be used. Change one with its Change button; Next brings you back here.</source>
        <translation>Elk antwoord dat u gaf, zoals het wordt gebruikt. Wijzig een antwoord met de knop Wijzigen ernaast; met Volgende komt u hier terug.</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Opslaan als &amp;pdf…</translation>
    </message>
    <message>
        <source>Save the overview as PDF</source>
        <translation>Het overzicht opslaan als pdf</translation>
    </message>
    <message>
        <source>File %1 with %2 rows, one per payroll tax number with the number of employees you entered, in %3 columns. No employee data is sent.</source>
        <translation>Bestand %1 met %2 rijen, één per loonheffingennummer met het aantal medewerkers dat u invulde, in %3 kolommen. Er gaan geen medewerkergegevens mee.</translation>
    </message>
    <message>
        <source>File %1 with %2 rows, one per employee counted, in %3 columns.</source>
        <translation>Bestand %1 met %2 rijen, één per meegetelde medewerker, in %3 kolommen.</translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation>Kolommen: %1</translation>
    </message>
    <message>
        <source>Every row of the file.</source>
        <translation>Alle rijen van het bestand.</translation>
    </message>
    <message>
        <source>The first %1 rows.</source>
        <translation>De eerste %1 rijen.</translation>
    </message>
    <message>
        <source>The package cannot be made yet:</source>
        <translation>Het pakket kan nog niet worden gemaakt:</translation>
    </message>
    <message>
        <source>The first %1 rows, with identifiers (%2) masked here on screen. The file itself holds them in full.</source>
        <translation>De eerste %1 rijen, met de identificatienummers (%2) hier op het scherm gemaskeerd. In het bestand zelf staan ze volledig.</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Voorwaarde</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>Bevestigd door</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>niet bevestigd</translation>
    </message>
    <message>
        <source>The office&apos;s certificate</source>
        <translation>Certificaat van de ontvangende instantie</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificaten (*.pem *.crt *.cer *.der);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>The office&apos;s OpenPGP public key</source>
        <translation>Publieke OpenPGP-sleutel van de instantie</translation>
    </message>
    <message>
        <source>OpenPGP public keys (*.asc *.gpg *.pgp *.key);;All files (*)</source>
        <translation>Publieke OpenPGP-sleutels (*.asc *.gpg *.pgp *.key);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Het bestand kan niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>Choose the OpenPGP public key the office gave you.</source>
        <translation>Kies de publieke OpenPGP-sleutel die u van de instantie kreeg.</translation>
    </message>
    <message>
        <source>Read this fingerprint to the office by phone; when it is the same as theirs, tick the box.</source>
        <translation>Lees deze vingerafdruk telefonisch voor aan de instantie; is hij gelijk aan die van hen, vink dan het vakje aan.</translation>
    </message>
    <message>
        <source>does not expire</source>
        <translation>verloopt niet</translation>
    </message>
    <message>
        <source>Key of: %1
Valid until: %2</source>
        <translation>Sleutel van: %1
Geldig tot: %2</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Vingerafdruk:</translation>
    </message>
    <message>
        <source>You checked this fingerprint with the office.</source>
        <translation>U hebt deze vingerafdruk met de instantie gecontroleerd.</translation>
    </message>
    <message>
        <source>OpenPGP &amp;key</source>
        <translation>OpenPGP-&amp;sleutel</translation>
    </message>
    <message>
        <source>The office&apos;s OpenPGP public key file</source>
        <translation>Bestand met de publieke OpenPGP-sleutel van de instantie</translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation>&amp;Kiezen…</translation>
    </message>
    <message>
        <source>Choose the office&apos;s OpenPGP public key</source>
        <translation>Publieke OpenPGP-sleutel van de instantie kiezen</translation>
    </message>
    <message>
        <source>I checked this fingerprint with the office by &amp;phone</source>
        <translation>Ik heb deze vingerafdruk telefonisch met de instantie gec&amp;ontroleerd</translation>
    </message>
    <message>
        <source>Nothing: the portal&apos;s secure connection protects the file</source>
        <translation>Niets: de beveiligde verbinding van het portaal beschermt het bestand</translation>
    </message>
    <message>
        <source>Nothing: the file goes as it is, unprotected</source>
        <translation>Niets: het bestand gaat zoals het is, onbeschermd</translation>
    </message>
    <message>
        <source>Nothing: the file holds counts only, no data about people</source>
        <translation>Niets: het bestand bevat alleen aantallen, geen gegevens over personen</translation>
    </message>
    <message>
        <source>A certificate file (.pem, .cer, .crt)</source>
        <translation>Een certificaatbestand (.pem, .cer, .crt)</translation>
    </message>
    <message>
        <source>An OpenPGP public key (.asc)</source>
        <translation>Een publieke OpenPGP-sleutel (.asc)</translation>
    </message>
    <message>
        <source>Nothing: make an archive locked with a passphrase (7-Zip); you give the passphrase by phone</source>
        <translation>Niets: maak een archief dat met een wachtzin is beveiligd (7-Zip); de wachtzin geeft u telefonisch door</translation>
    </message>
    <message>
        <source>On the next page the assistant makes the archive and shows its passphrase once. Give it to the office by phone, never in the same e-mail.</source>
        <translation>Op de volgende pagina maakt de assistent het archief en toont hij de wachtzin één keer. Geef die telefonisch door aan de instantie, nooit in dezelfde e-mail.</translation>
    </message>
    <message>
        <source>How the file reaches the office</source>
        <translation>Hoe het bestand bij de instantie komt</translation>
    </message>
    <message>
        <source>Ho&amp;w does the file reach the office?</source>
        <translation>Hoe komt het &amp;bestand bij de instantie?</translation>
    </message>
    <message>
        <source>What did the office &amp;give you?</source>
        <translation>Wat heeft de instantie u &amp;gegeven?</translation>
    </message>
    <message>
        <source>I upload it myself in the office&apos;s web portal</source>
        <translation>Ik upload het zelf in het webportaal van de instantie</translation>
    </message>
    <message>
        <source>The assistant uploads it (SFTP)</source>
        <translation>De assistent uploadt het (SFTP)</translation>
    </message>
    <message>
        <source>The assistant uploads it (HTTPS)</source>
        <translation>De assistent uploadt het (HTTPS)</translation>
    </message>
    <message>
        <source>I deliver it myself the way agreed with the office</source>
        <translation>Ik bezorg het zelf, zoals afgesproken met de instantie</translation>
    </message>
    <message>
        <source>Choose the certificate the office gave you.</source>
        <translation>Kies het certificaat dat u van de ontvangende instantie hebt gekregen.</translation>
    </message>
    <message>
        <source>Compare this fingerprint with the one the office gave you (by phone or in its letter), then tick the box.</source>
        <translation>Vergelijk deze vingerafdruk met die van de ontvangende instantie (telefonisch of in haar brief) en vink daarna het vakje aan.</translation>
    </message>
    <message>
        <source>Issued to: %1
Valid until: %2</source>
        <translation>Uitgegeven aan: %1
Geldig tot: %2</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256-vingerafdruk:</translation>
    </message>
    <message>
        <source>The fingerprint matches the one in the programme profile.</source>
        <translation>De vingerafdruk komt overeen met die in het programmaprofiel.</translation>
    </message>
    <message>
        <source>You confirmed this fingerprint with the office.</source>
        <translation>U hebt deze vingerafdruk met de ontvangende instantie gecontroleerd.</translation>
    </message>
    <message>
        <source>The file for the office</source>
        <translation>Het bestand voor de ontvangende instantie</translation>
    </message>
    <message>
        <source>First rows of the file, identifiers masked</source>
        <translation>Eerste rijen van het bestand, identificatiegegevens gemaskeerd</translation>
    </message>
    <message>
        <source>Conditions as confirmed</source>
        <translation>Voorwaarden zoals bevestigd</translation>
    </message>
    <message>
        <source>The package is encrypted so that only the office can open it, with the certificate it gave you (a .pem, .crt, .cer or .der file).</source>
        <translation>Het pakket wordt versleuteld met het certificaat dat u van de ontvangende instantie kreeg (een .pem-, .crt-, .cer- of .der-bestand), zodat alleen die het kan openen.</translation>
    </message>
    <message>
        <source>&amp;Certificate</source>
        <translation>&amp;Certificaat</translation>
    </message>
    <message>
        <source>The office&apos;s certificate file</source>
        <translation>Certificaatbestand van de ontvangende instantie</translation>
    </message>
    <message>
        <source>Choose the office&apos;s certificate</source>
        <translation>Certificaat van de ontvangende instantie kiezen</translation>
    </message>
    <message>
        <source>I confirmed this fingerprint with the office</source>
        <translation>Ik heb deze vingerafdruk met de ontvangende instantie gecontroleerd</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wijzigen</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Wijzig %1</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>No file is made yet: go Back to make it first.</source>
        <translation>Er is nog geen bestand gemaakt: ga eerst terug om het te maken.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <source>The file goes to the office: you send it here, or hand it in and confirm it.</source>
        <translation>Het bestand gaat naar de instantie: u verstuurt het hier, of levert het zelf aan en bevestigt dat.</translation>
    </message>
    <message>
        <source>The file for the office</source>
        <translation>Het bestand voor de instantie</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>In &amp;map tonen</translation>
    </message>
    <message>
        <source>Next shows whether the file has reached the office and what happens there now.</source>
        <translation>Volgende laat zien of het bestand bij de instantie is en wat daar nu gebeurt.</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>Diversity Assistant</source>
        <translation>Diversiteitsassistent</translation>
    </message>
    <message>
        <source>Continue where you left off?</source>
        <translation>Verdergaan waar u gebleven was?</translation>
    </message>
    <message>
        <source>Your previous choices were saved automatically. Start again to begin with an empty draft.</source>
        <translation>Uw eerdere keuzes zijn automatisch bewaard. Kies Opnieuw beginnen om met een leeg concept te starten.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Verdergaan</translation>
    </message>
    <message>
        <source>&amp;Start again</source>
        <translation>&amp;Opnieuw beginnen</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Last year&apos;s folder or draft</source>
        <translation>Map of concept van vorig jaar</translation>
    </message>
    <message>
        <source>Yearly folder index or draft (*.json)</source>
        <translation>Inhoudsopgave van de jaarmap of concept (*.json)</translation>
    </message>
    <message>
        <source>Diversity Assistant</source>
        <translation>Diversiteitsassistent</translation>
    </message>
    <message>
        <source>What would you like to do?</source>
        <translation>Wat wilt u doen?</translation>
    </message>
    <message>
        <source>Prepare a submission</source>
        <translation>Een aanlevering voorbereiden</translation>
    </message>
    <message>
        <source>Choose the programme, check your staff file and make the file for the office, step by step. Nothing leaves this computer until you send it.</source>
        <translation>Kies het programma, controleer uw personeelsbestand en maak het bestand voor de instantie, stap voor stap. Er verlaat niets deze computer tot u het verstuurt.</translation>
    </message>
    <message>
        <source>&amp;Prepare a submission</source>
        <translation>Een &amp;nieuwe aanlevering voorbereiden</translation>
    </message>
    <message>
        <source>&amp;Repeat last year&apos;s choices…</source>
        <translation>&amp;Keuzes van vorig jaar herhalen…</translation>
    </message>
    <message>
        <source>Start from last year&apos;s yearly folder or draft: the same columns, subgroups, merges and delivery route. The conditions, fingerprints and passwords are asked again.</source>
        <translation>Begin met de jaarmap of het concept van vorig jaar: dezelfde kolommen, subgroepen, samenvoegingen en manier van aanleveren. De voorwaarden, vingerafdrukken en wachtwoorden worden opnieuw gevraagd.</translation>
    </message>
    <message>
        <source>Continue the one in progress</source>
        <translation>Verdergaan met de lopende aanlevering</translation>
    </message>
    <message>
        <source>Your previous choices were saved automatically. Preparing a new submission begins with an empty draft.</source>
        <translation>Uw eerdere keuzes zijn automatisch bewaard. Een nieuwe aanlevering begint met een leeg concept.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Verdergaan</translation>
    </message>
    <message>
        <source>In progress with the office</source>
        <translation>Lopend bij de instantie</translation>
    </message>
    <message>
        <source>Your steps with the office, per organisation and year: where you are and what comes next.</source>
        <translation>Uw stappen bij de instantie, per organisatie en jaar: waar u bent en wat er nu komt.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultaten</translation>
    </message>
    <message>
        <source>The tables the office returns will be listed here once you have them.</source>
        <translation>De tabellen die de instantie terugstuurt, verschijnen hier zodra u ze hebt.</translation>
    </message>
    <message>
        <source>&amp;View results</source>
        <translation>Resultaten &amp;bekijken</translation>
    </message>
</context>
<context>
    <name>TablePreview</name>
    <message>
        <source>Minimum employees per table &amp;cell</source>
        <translation>Minimum medewerkers per tabel&amp;cel</translation>
    </message>
    <message>
        <source>Minimum employees per table cell</source>
        <translation>Minimum medewerkers per tabelcel</translation>
    </message>
    <message>
        <source>required</source>
        <translation>verplicht</translation>
    </message>
    <message>
        <source>%1 names no cell threshold. Fill in the minimum number of employees per table cell to continue, for example 5 or 10.</source>
        <translation>%1 noemt geen celdrempel. Vul het minimumaantal medewerkers per tabelcel in om verder te gaan, bijvoorbeeld 5 of 10.</translation>
    </message>
    <message>
        <source>Table preview</source>
        <translation>Voorbeeld van de tabel</translation>
    </message>
    <message>
        <source>The programme names no minimum number of employees per table cell. Give one to see the table preview: cells with fewer employees are hidden.</source>
        <translation>Het programma noemt geen minimumaantal medewerkers per tabelcel. Vul er een in om de tabel te zien: cellen met minder medewerkers worden verborgen.</translation>
    </message>
    <message>
        <source>Employees per subgroup and sex, as the table could be published after your merges: cells of fewer than %1 employees are hidden.</source>
        <translation>Medewerkers per subgroep en geslacht, zoals de tabel na uw samenvoegingen gepubliceerd zou kunnen worden: cellen met minder dan %1 medewerkers zijn verborgen.</translation>
    </message>
    <message>
        <source>Employees per subgroup, as the table could be published after your merges: cells of fewer than %1 employees are hidden.</source>
        <translation>Medewerkers per subgroep, zoals de tabel na uw samenvoegingen gepubliceerd zou kunnen worden: cellen met minder dan %1 medewerkers zijn verborgen.</translation>
    </message>
    <message>
        <source>%1 by sex</source>
        <translation>%1 naar geslacht</translation>
    </message>
    <message>
        <source>Table preview of %1</source>
        <translation>Voorbeeld van de tabel van %1</translation>
    </message>
    <message>
        <source>fewer than %1 employees</source>
        <translation>minder dan %1 medewerkers</translation>
    </message>
    <message>
        <source>hidden as well, so the other hidden cells cannot be worked out</source>
        <translation>ook verborgen, zodat de andere verborgen cellen niet terug te rekenen zijn</translation>
    </message>
    <message>
        <source>The table could not be computed: %1</source>
        <translation>De tabel kon niet worden berekend: %1</translation>
    </message>
    <message>
        <source>Audit passed: no suppressed cell can be worked out from the published cells, not even by an employee who is the only one in a hidden cell.</source>
        <translation>Controle geslaagd: geen enkele verborgen cel is terug te rekenen uit de gepubliceerde cellen, ook niet door een medewerker die als enige in een verborgen cel zit.</translation>
    </message>
    <message>
        <source>Audit failed: %1 suppressed cells can be worked out (too closely) from the published cells.</source>
        <translation>Controle mislukt: %1 verborgen cellen zijn (te nauwkeurig) terug te rekenen uit de gepubliceerde cellen.</translation>
    </message>
</context>
<context>
    <name>UploadPanel</name>
    <message>
        <source>Your SSH key file</source>
        <translation>Uw SSH-sleutelbestand</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle bestanden (*)</translation>
    </message>
    <message>
        <source>The portal&apos;s CA certificate</source>
        <translation>CA-certificaat van het portaal</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificaten (*.pem *.crt);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>This file is encrypted for the demo&apos;s test-only certificate, whose key is public: it can only go to the demo&apos;s test server inside the assistant.</source>
        <translation>Dit bestand is versleuteld voor het testcertificaat van de demo, waarvan de sleutel openbaar is: het kan alleen naar de testserver van de demo in de assistent zelf.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stoppen…</translation>
    </message>
    <message>
        <source>%1 of %2 sent</source>
        <translation>%1 van %2 verzonden</translation>
    </message>
    <message>
        <source>&amp;Resume upload</source>
        <translation>&amp;Upload hervatten</translation>
    </message>
    <message>
        <source>&amp;Upload again</source>
        <translation>&amp;Opnieuw uploaden</translation>
    </message>
    <message>
        <source>&amp;Upload</source>
        <translation>&amp;Uploaden</translation>
    </message>
    <message>
        <source>Uploaded and verified: the server&apos;s copy has the same SHA-256 as your package.</source>
        <translation>Verzonden en gecontroleerd: de kopie op de server heeft dezelfde SHA-256 als uw pakket.</translation>
    </message>
    <message>
        <source>The server&apos;s copy differs from your package. Upload it again.</source>
        <translation>De kopie op de server verschilt van uw pakket. Upload het opnieuw.</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>Upload to the office&apos;s portal</source>
        <translation>Uploaden naar het portaal van de ontvangende instantie</translation>
    </message>
    <message>
        <source>Only the encrypted package is sent. The upload continues where it stopped if the connection breaks or you cancel, and the server&apos;s copy is checked afterwards.</source>
        <translation>Alleen het versleutelde pakket wordt verzonden. Als de verbinding wegvalt of u annuleert, gaat het uploaden verder waar het stopte; daarna wordt de kopie op de server gecontroleerd.</translation>
    </message>
    <message>
        <source>Portal &amp;address</source>
        <translation>Portaal&amp;adres</translation>
    </message>
    <message>
        <source>Portal address</source>
        <translation>Portaaladres</translation>
    </message>
    <message>
        <source>sftp://server:22/folder or https://server/path</source>
        <translation>sftp://server:22/map of https://server/pad</translation>
    </message>
    <message>
        <source>The office gives you the address and your login. On the first upload to an SFTP server you are asked to confirm its key fingerprint.</source>
        <translation>De ontvangende instantie geeft u het adres en uw inloggegevens. Bij de eerste upload naar een SFTP-server bevestigt u de vingerafdruk van zijn sleutel.</translation>
    </message>
    <message>
        <source>User &amp;name</source>
        <translation>Gebruikers&amp;naam</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>&amp;Wachtwoord</translation>
    </message>
    <message>
        <source>Password, or the key file&apos;s passphrase</source>
        <translation>Wachtwoord, of de wachtzin van het sleutelbestand</translation>
    </message>
    <message>
        <source>Remember the password in this computer&apos;s keyring</source>
        <translation>Wachtwoord onthouden in de wachtwoordkluis van deze computer</translation>
    </message>
    <message>
        <source>SSH &amp;key file (optional)</source>
        <translation>SSH-&amp;sleutelbestand (optioneel)</translation>
    </message>
    <message>
        <source>SSH key file</source>
        <translation>SSH-sleutelbestand</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Choose the SSH key file</source>
        <translation>Kies het SSH-sleutelbestand</translation>
    </message>
    <message>
        <source>Use a custom CA (only when your administrator says so)</source>
        <translation>Een eigen CA gebruiken (alleen als uw beheerder dat zegt)</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-certificaatbestand</translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation>Kies het CA-certificaatbestand</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Cancel the upload</source>
        <translation>Upload annuleren</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Voortgang van de upload</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Bestemming</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Grootte</translation>
    </message>
    <message>
        <source>SHA-256 on the server</source>
        <translation>SHA-256 op de server</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijdstip</translation>
    </message>
    <message>
        <source>Receipt saved as</source>
        <translation>Ontvangstbewijs opgeslagen als</translation>
    </message>
</context>
<context>
    <name>ValidationPage</name>
    <message>
        <source>Checking…</source>
        <translation>Controleren…</translation>
    </message>
    <message>
        <source>Errors must be corrected before you can continue: correct them in the HR system or the export, save the file and press “Reload file”.</source>
        <translation>Fouten moeten verbeterd zijn voordat u verder kunt: verbeter ze in het personeelssysteem of in de export, sla het bestand op en kies ‘Bestand opnieuw lezen’.</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Kolom %1</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>Show &amp;fewer rows</source>
        <translation>&amp;Minder rijen tonen</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>bevindingen</translation>
    </message>
    <message>
        <source>Export findings</source>
        <translation>Bevindingen exporteren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-werkmap (*.xlsx)</translation>
    </message>
    <message>
        <source>The findings could not be saved to %1: %2</source>
        <translation>De bevindingen konden niet worden opgeslagen in %1: %2</translation>
    </message>
    <message>
        <source>Findings saved to %1. Identification numbers in it are masked; hand it to the salary administration to correct the rows.</source>
        <translation>Bevindingen opgeslagen in %1. Identificatienummers zijn daarin gemaskeerd; geef het bestand aan de salarisadministratie om de rijen te verbeteren.</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Controles</translation>
    </message>
    <message>
        <source>The assistant checks identifiers, dates, codes, duplicates and who is counted.</source>
        <translation>De assistent controleert identificatienummers, datums, codes, dubbele medewerkers en wie meetelt.</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Tonen</translation>
    </message>
    <message>
        <source>All findings</source>
        <translation>Alle bevindingen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fouten</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Waarschuwingen</translation>
    </message>
    <message>
        <source>Show findings of severity</source>
        <translation>Bevindingen tonen van ernst</translation>
    </message>
    <message>
        <source>Search in the findings</source>
        <translation>Zoeken in de bevindingen</translation>
    </message>
    <message>
        <source>&amp;Reload file</source>
        <translation>Bestand &amp;opnieuw lezen</translation>
    </message>
    <message>
        <source>E&amp;xport findings (Excel)…</source>
        <translation>Bevindingen e&amp;xporteren (Excel)…</translation>
    </message>
    <message>
        <source>An Excel file with one line per finding per row, for the salary administration. Identification numbers are masked.</source>
        <translation>Een Excel-bestand met één regel per bevinding per rij, voor de salarisadministratie. Identificatienummers zijn gemaskeerd.</translation>
    </message>
    <message>
        <source>Show &amp;all rows</source>
        <translation>&amp;Alle rijen tonen</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Bevindingen</translation>
    </message>
    <message>
        <source>Details of the selected finding</source>
        <translation>Details van de gekozen bevinding</translation>
    </message>
    <message>
        <source>I have read the warnings and want to continue with these data.</source>
        <translation>Ik heb de waarschuwingen gelezen en wil met deze gegevens verder.</translation>
    </message>
</context>
</TS>
