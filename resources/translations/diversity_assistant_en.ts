<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BenchmarkPanel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;benchmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark from a &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide the benchmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. employees in the Netherlands, CBS 2025</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the benchmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreakdownSection</name>
    <message>
        <source>Age (band at the reference date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year of entry (band)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type increasing whole numbers separated by commas, such as 35, 50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minimum %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subgroup sizes of %1</source>
        <translation type="unfinished">Subgroup sizes of %1</translation>
    </message>
    <message>
        <source>%1: %2 employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 subgroups are smaller than %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every subgroup has at least %1 employees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged subgroups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge &amp;into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the smallest other subgroup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one group “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to merge small subgroups of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply merge suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply merge suggestion for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last merge of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band &amp;edges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lowest value of every band after the first, such as 35, 50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band edges of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge two neighbouring bands…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge two neighbouring bands of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BusyBar</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <source>Protecting the table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No staff file is needed for this programme. Your choices are saved as a draft.</source>
        <translation type="unfinished">No staff file is needed for this programme. Your choices are saved as a draft.</translation>
    </message>
    <message>
        <source>You chose no breakdowns: there are no subgroups to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs at least %2 employees in every subgroup, otherwise colleagues in a small group could be recognised. Merge the small subgroups of “%3” to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every subgroup is large enough. You can continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small subgroups are merged so that no colleague can be recognised in them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The programme asks at least %1 employees per subgroup. The dashed line marks that minimum; red bars are below it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employees counted per subgroup.</source>
        <translation type="unfinished">Employees counted per subgroup.</translation>
    </message>
</context>
<context>
    <name>CategoryTableModel</name>
    <message>
        <source>×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden: fewer than %1 employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden as well, so that the other hidden cells cannot be worked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <source>%1 of %2 conditions still to confirm, with the name of who confirmed it.</source>
        <translation>%1 of %2 conditions still to confirm, with the name of who confirmed it.</translation>
    </message>
    <message>
        <source>All conditions are confirmed.</source>
        <translation>All conditions are confirmed.</translation>
    </message>
    <message>
        <source>Conditions before anything is sent</source>
        <translation>Conditions before anything is sent</translation>
    </message>
    <message>
        <source>Confirm each condition only when it has really been met in your organisation.</source>
        <translation>Confirm each condition only when it has really been met in your organisation.</translation>
    </message>
    <message>
        <source>The programme sets these conditions. Your confirmations, with date and name, go into the package summary so the receiving office can see them.</source>
        <translation>The programme sets these conditions. Your confirmations, with date and name, go into the package summary so the receiving office can see them.</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Confirmed: %1</source>
        <translation>Confirmed: %1</translation>
    </message>
    <message>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <source>Date of confirmation</source>
        <translation>Date of confirmation</translation>
    </message>
    <message>
        <source>by</source>
        <translation>by</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Confirmed by (name)</source>
        <translation>Confirmed by (name)</translation>
    </message>
</context>
<context>
    <name>CloseQuestion</name>
    <message>
        <source>Not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet — close anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your draft and the file are kept: %1. Open the assistant again and it continues where you left off, so you can still send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrossingView</name>
    <message>
        <source>Smallest cell (%1): about %2 people expected, at least %3 needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too small: the smallest cell (%1) is expected to hold less than one person (about %2 on average), fewer than %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too small: the smallest cell (%1) is expected to hold only about %2 people, fewer than %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal %1 (smallest cell then about %2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply proposal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No coarser grouping passes: leave out a characteristic on the Decisions page, or ask the KSZ or Unia for advice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveredPanel</name>
    <message>
        <source>Deleted from this computer on %1; noted in your record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You confirmed the upload on %1. Your record and the summary PDF say so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You confirmed the hand-over on %1. Your record and the summary PDF say so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload it in the office&apos;s portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to the office&apos;s portal in your browser and upload the file shown above (use Show in folder to find it). Then come back here and confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have uploade&amp;d it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver it to the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver the file shown above the way you agreed with the office. Then come back here and confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have han&amp;ded it over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the portal address from the office&apos;s e-mail, with the login it sent you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the office&apos;s portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds personal data; once the office has it, you can delete it here. It is overwritten, then removed. Copies on SSD drives, in backups or in synced folders (such as OneDrive) may remain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dele&amp;te the file from this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Demo: nothing leaves this computer; the &apos;office&apos; is a test server inside the assistant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO - %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiversityWizard</name>
    <message>
        <source>Diversity Assistant</source>
        <translation>Diversity Assistant</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Go to the first step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help for this step (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Language: %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motivation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
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
        <translation>Staff file</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>Safe categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Sent: the office&apos;s server has the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent: you confirmed that the office has the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet: the office does not have the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is saved at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet: no file for the office was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your draft is kept. Open the assistant again and it continues where you left off: send the file in the Send step, in the office&apos;s portal, or with the command diversity-assistant upload (diversity-assistant delivered once you handed it in).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go Back to make the file; your draft is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your journey through the office&apos;s steps was not updated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your mail program opens with the e-mail. You can also copy the text below into an e-mail to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the text below into an e-mail to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail&apos;s text is copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder for the answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers are saved in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the file reached the office, and what happens there next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens next at the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the summary &amp;PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents for CBS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CBS asks for a sign-up e-mail and your answers for its application form. The assistant drafts both, in Dutch, from your choices: the e-mail opens in your mail program, the answers are saved as PDF and ODT to copy into the form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the &amp;answers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the answers for CBS&apos;s application form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the sign-up &amp;e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y the text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EncryptPage</name>
    <message>
        <source>Encrypted package (*.p7m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenPGP encrypted file (*.gpg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7-Zip archive (*.7z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office&apos;s file (*%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the file for the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package is signed and encrypted for the office: %1 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is signed and encrypted for the office&apos;s OpenPGP key: %1 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is made and locked with a passphrase: %1 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file for the office is saved: %1 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is checked once more and saved as the office asks for it, with a record and a summary PDF for your files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office&apos;s file is saved as it is, readable: its portal&apos;s secure connection protects it on the way. Delete it once the office has it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve the file for the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is checked once more and put in a 7-Zip archive locked with a passphrase that only you and the office will know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the locked archive (.7z), a record and a summary PDF for your files are written; no readable copy of the employee data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the encrypted package (%1), a record and a summary PDF for your files are written; no readable copy of the employee data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is checked once more, signed with your organisation&apos;s key and encrypted so that only the office can open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Encrypt and sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation&apos;s OpenPGP key (fingerprint): the office checks with it that the file comes from you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to save the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to save the file for the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the file for the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation&apos;s signing certificate (SHA-256): register this fingerprint with the office, so it can verify that the package comes from you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase of the archive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase of the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give it to the office by phone, never in the same e-mail as the file. It is not kept: write it down now if you need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open summary &amp;PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FetchDialog</name>
    <message>
        <source>Fetch the office&apos;s tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address the office gave for its SFTP server, with your login name: sftp://name@server/folder. The server&apos;s key is checked as for an upload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key file (instead of a password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host key (when the office gave it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fetch and import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the first connection to %1 (port %2). Compare the fingerprint of its key with the one the office gave you. Confirm only if every character matches.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldHelp</name>
    <message>
        <source>What does “%1” mean?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Your staff file</source>
        <translation>Your staff file</translation>
    </message>
    <message>
        <source>The file is only read, never changed. Employee data stays on this computer.</source>
        <translation>The file is only read, never changed. Employee data stays on this computer.</translation>
    </message>
    <message>
        <source>Drag your staff export here (.xlsx, .xlsm, .xls, .ods, .csv), or choose it.</source>
        <translation>Drag your staff export here (.xlsx, .xlsm, .xls, .ods, .csv), or choose it.</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <source>Choose the staff file</source>
        <translation>Choose the staff file</translation>
    </message>
    <message>
        <source>&amp;Sheet</source>
        <translation>&amp;Sheet</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Header row (Excel row number)</source>
        <translation>Header row (Excel row number)</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>Preview of the first rows</translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No row holds column names, so the columns are named by their letter. If the file has a header row, give its number above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The highlighted row holds the column names. If it is the wrong row, change the header row above.</source>
        <translation>The highlighted row holds the column names. If it is the wrong row, change the header row above.</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Header &amp;row (Excel row number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>Above the header: %1</source>
        <translation>Above the header: %1</translation>
    </message>
    <message>
        <source> (hidden)</source>
        <translation> (hidden)</translation>
    </message>
    <message>
        <source>This sheet is hidden in Excel. Is it the right one?</source>
        <translation>This sheet is hidden in Excel. Is it the right one?</translation>
    </message>
    <message>
        <source>%1 data rows and %2 columns read from row %3 on.</source>
        <translation>%1 data rows and %2 columns read from row %3 on.</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>The file could not be read: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>No file chosen yet.</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
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
        <translation>Rows</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <source>No help for this step yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close help (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help for this step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostKeyDialog</name>
    <message>
        <source>Unknown server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the first upload to %1 (port %2). Compare the fingerprint of its key with the one the office gave you. Confirm only if every character matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of the server&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fingerprint &amp;matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It does &amp;not match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year (peildatum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;etch from the office&apos;s SFTP server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the office&apos;s tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file you downloaded from the office&apos;s portal (CBS: the Excel workbook; KSZ: the CSV or workbook, also as the encrypted .gpg, which is opened with your organisation&apos;s OpenPGP key). Only group figures are kept, for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables (*.xlsx *.xlsm *.csv *.txt *.gpg *.pgp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office&apos;s tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Opening the file…</source>
        <translation>Opening the file…</translation>
    </message>
    <message>
        <source>Reading the rows…</source>
        <translation>Reading the rows…</translation>
    </message>
    <message>
        <source>Checking the data…</source>
        <translation>Checking the data…</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking the organisation&apos;s key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking, packaging and protecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protecting the table…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JourneyRow</name>
    <message>
        <source>Every step is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where you are: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file for the office is made, not sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the office: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JourneySteps</name>
    <message>
        <source>✓ %1. %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶ %1. %2 (you are here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach the documents received…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted &amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record the acceptance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach the table set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received &amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark as done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach an evidence file (optional)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done &amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm the login arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office&apos;s steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only confirm that the login arrived. The letter holds the password: never type it here and do not attach the letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Signed by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;eopen this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The documents received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf);;All (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy is in the yearly folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JourneyWindow</name>
    <message>
        <source>Your steps with the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One folder for everything of this year&apos;s submission: the documents, the protected file, the record, the receipts and the results, with an index, so next year you can repeat this year&apos;s choices. No unencrypted staff file is kept there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the yearly &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue in the assis&amp;tant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished">Close</translation>
    </message>
    <message>
        <source>No folder chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not there now: moved, or a drive not connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The yearly folder is set.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KszCategoriesPage</name>
    <message>
        <source>Checking the crossings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>work regime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own edges (type them below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staff file has not been checked yet: go back to the checks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No own categories chosen: on the Columns page, tick the department and function level columns as breakdowns. The tables then cover the whole organisation (%1 people).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 groups: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You send no own data, so the tables cover the whole organisation. How many people does it employ? The check needs the number to predict the cells.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the age bands first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the number of staff to check the crossings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the %2 requested tables would have cells with fewer than %3 people. Apply a proposal or choose coarser categories to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every requested table is expected to have at least %1 people per cell. You can continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requested data in categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To guarantee anonymity, the KSZ sends data in categories only, sized so that no crossing gives too small counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the age bands and origin groups. The assistant predicts the smallest cell of every requested table from your staff numbers and proposes coarser categories where it is too small. You can discuss this with the KSZ or Unia.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age bands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;ands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lower ages of the bands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower ages of the bands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grouping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of &amp;staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crossing check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo the last proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each number starts a band; the first band holds everyone younger. The reference figures allow: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per requested table: the smallest cell the KSZ&apos;s tables are expected to have, against the minimum of %1 people. A prediction from reference shares, not a guarantee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference figures (version %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KszDecisionsPage</name>
    <message>
        <source>Choose at least one characteristic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions for the KSZ request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which data do you need, for which year, which characteristics, and how are they defined?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your diversity or well-being policy sets these goals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The KSZ links the characteristics below to your staff and sends back tables in categories only. Ask only what your diversity plan needs: every extra characteristic makes the groups in the tables smaller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characteristics to request *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin group (from the nationality of the person and the parents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age (in age bands)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work regime (full-time or part-time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reference year *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own data for linkage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We send our own data (department, function level) for linkage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public institutions may send, per employee, the INSZ and their own categories. The KSZ links them to its data, so the tables show for example origin per department. The assistant then reads your staff file, checks it and encrypts the linkage file. Without it, the tables cover the whole organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own definitions (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line, as “term: definition”, for example “Staff: statutory and contract staff on 31 December”. They are added to the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own definitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The KSZ data describe your staff in this year: everyone employed on 31 December %1, with their age on that day. Keep the same year each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(The grouping is chosen on the Categories page.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KszMotivationPage</name>
    <message>
        <source>Motivated in your own words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the 4 parts still need your own motivation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The motivation is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motivation of the KSZ request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Justify the request, both its purpose and its proportionality. Diversity monitoring is needed to evaluate your diversity policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The KSZ sends back requests that only repeat the example. Write what your organisation will do with the tables and why less data would not do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example: a baseline measurement of internal diversity, as the basis for positive actions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decree, law or regulation your diversity policy rests on (article).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why these characteristics and categories, and why not fewer or finer ones; only tables in categories come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which action point of your diversity plan this measurement serves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from the KSZ example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1 from the KSZ example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unia can help with the motivation; see its guide “Monitoring van diversiteit: doe het zelf!”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KszRequestPage</name>
    <message>
        <source>Making the key pair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the public key exported from Kleopatra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenPGP public key (*.asc *.gpg *.pgp);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenPGP public key (*.asc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public key could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a backup of the secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenPGP key backup (*.pgp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup saved: %1. Keep it and its passphrase apart; GnuPG or Kleopatra restore it (gpg --decrypt the file, then import it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder for the request documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The documents could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request to the KSZ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The KSZ will encrypt the tables to this key. Send the public key with the request and check the fingerprint with the KSZ by phone or letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fingerprint you entered on the organisation page is used. Export the public key from Kleopatra yourself, or choose its file here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key yet. Make a key pair here, or use the public key of a key pair your organisation already has in Kleopatra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret key stays on this computer, protected by a passphrase. Without it the tables cannot be opened: save a backup, protected by a passphrase you keep apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a backup of the secret ke&amp;y…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before the request can be made:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation&apos;s key to receive the tables, and the request documents in Dutch and French.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The KSZ sends the tables encrypted with OpenPGP (GnuPG, Kleopatra). The request names the fingerprint of your organisation&apos;s public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation&apos;s OpenPGP key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make a key pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a key from &amp;Kleopatra…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save the public key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request in Dutch and in French, as PDF to read and sign and as ODT to edit or copy into the KSZ form, with the public key beside them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the &amp;documents in a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the f&amp;older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What comes next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Fill in the form from the KSZ&apos;s “Basisschema voor gegevensaanvragen” and send it to the KSZ with these documents and the public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. The linkage file (INSZ and your own categories) is reviewed and encrypted in the next steps; send it when the KSZ asks for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. You send no own data: there is no linkage file to prepare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. The KSZ sends the tables encrypted to your key. Import them in the assistant&apos;s start window with “View results”: it opens them with your key. Kleopatra opens them too.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>The columns were suggested anew from your file. Check them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age (band at the reference date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year of entry (band)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not mapped</source>
        <translation>not mapped</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>exact match</translation>
    </message>
    <message>
        <source>known name, %1%</source>
        <translation>known name, %1%</translation>
    </message>
    <message>
        <source>similar name, %1%</source>
        <translation>similar name, %1%</translation>
    </message>
    <message>
        <source>chosen by you</source>
        <translation>chosen by you</translation>
    </message>
    <message>
        <source>(empty column)</source>
        <translation>(empty column)</translation>
    </message>
    <message>
        <source>Identification key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match and examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column “%1” is chosen for more than one field: %2. Choose one column per field.</source>
        <translation>Column “%1” is chosen for more than one field: %2. Choose one column per field.</translation>
    </message>
    <message>
        <source>Still to map: %1.</source>
        <translation>Still to map: %1.</translation>
    </message>
    <message>
        <source>Employees are identified by: %1.</source>
        <translation>Employees are identified by: %1.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> or </translation>
    </message>
    <message>
        <source>Map the columns of one way to identify employees: %1.</source>
        <translation>Map the columns of one way to identify employees: %1.</translation>
    </message>
    <message>
        <source>map “%1” first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used as a field above</source>
        <translation>used as a field above</translation>
    </message>
    <message>
        <source>looks like: %1</source>
        <translation>looks like: %1</translation>
    </message>
    <message>
        <source>Choose at most %1 breakdowns.</source>
        <translation>Choose at most %1 breakdowns.</translation>
    </message>
    <message>
        <source>Breakdowns chosen: %1.</source>
        <translation>Breakdowns chosen: %1.</translation>
    </message>
    <message>
        <source>No breakdown chosen: the figures cover the whole organisation.</source>
        <translation>No breakdown chosen: the figures cover the whole organisation.</translation>
    </message>
    <message>
        <source>— choose a code —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Check which column of your file feeds each field. The assistant has suggested a choice.</source>
        <translation>Check which column of your file feeds each field. The assistant has suggested a choice.</translation>
    </message>
    <message>
        <source>Examples come from your file and stay on this computer; identifying numbers are partly hidden.</source>
        <translation>Examples come from your file and stay on this computer; identifying numbers are partly hidden.</translation>
    </message>
    <message>
        <source>Fields of the programme</source>
        <translation>Fields of the programme</translation>
    </message>
    <message>
        <source>Coded values</source>
        <translation>Coded values</translation>
    </message>
    <message>
        <source>Check how the values in your file translate to the programme&apos;s codes.</source>
        <translation>Check how the values in your file translate to the programme&apos;s codes.</translation>
    </message>
    <message>
        <source>Breakdowns (subgroups)</source>
        <translation>Breakdowns (subgroups)</translation>
    </message>
    <message>
        <source>Breakdown columns</source>
        <translation>Breakdown columns</translation>
    </message>
    <message>
        <source>&amp;Save mapping…</source>
        <translation>&amp;Save mapping…</translation>
    </message>
    <message>
        <source>&amp;Load mapping…</source>
        <translation>&amp;Load mapping…</translation>
    </message>
    <message>
        <source>S&amp;tart from a suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved mapping does not fit this file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose “Start from a suggestion” to map the columns anew, or load a mapping that fits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Column in your file</source>
        <translation>Column in your file</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— not in the file —</translation>
    </message>
    <message>
        <source>Column for %1</source>
        <translation>Column for %1</translation>
    </message>
    <message>
        <source>%1 (column “%2”)</source>
        <translation>%1 (column “%2”)</translation>
    </message>
    <message>
        <source>Code for the value %1</source>
        <translation>Code for the value %1</translation>
    </message>
    <message>
        <source>Not recognised: %1. Choose a code, or these rows will be reported as errors.</source>
        <translation>Not recognised: %1. Choose a code, or these rows will be reported as errors.</translation>
    </message>
    <message>
        <source>This column has many different values. Is it the right column?</source>
        <translation>This column has many different values. Is it the right column?</translation>
    </message>
    <message>
        <source>All values are recognised.</source>
        <translation>All values are recognised.</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>Save mapping</translation>
    </message>
    <message>
        <source>Tick the columns that hold a subgroup, such as department or function level. Each subgroup should be large enough; a later step shows the small ones and helps you merge them.</source>
        <translation>Tick the columns that hold a subgroup, such as department or function level. Each subgroup should be large enough; a later step shows the small ones and helps you merge them.</translation>
    </message>
    <message>
        <source>Mapping (*.json)</source>
        <translation>Mapping (*.json)</translation>
    </message>
    <message>
        <source>Mapping saved to %1.</source>
        <translation>Mapping saved to %1.</translation>
    </message>
    <message>
        <source>Load mapping</source>
        <translation>Load mapping</translation>
    </message>
    <message>
        <source>Mapping loaded from %1.</source>
        <translation>Mapping loaded from %1.</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Number of employees per payroll tax number *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CBS checks its own selection against these numbers. Count the jobs (banen) on the reference date: someone with two jobs counts twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your payroll tax number(s) above first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employees under %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation</source>
        <translation>Your organisation</translation>
    </message>
    <message>
        <source>These details go into the application and the package summary. Fields marked * are required.</source>
        <translation>These details go into the application and the package summary. Fields marked * are required.</translation>
    </message>
    <message>
        <source>Numbers are checked while you type. Separate several numbers with a semicolon.</source>
        <translation>Numbers are checked while you type. Separate several numbers with a semicolon.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Reference date and who is counted</source>
        <translation>Reference date and who is counted</translation>
    </message>
    <message>
        <source>&amp;Reference date (peildatum) *</source>
        <translation>&amp;Reference date (peildatum) *</translation>
    </message>
    <message>
        <source>Reference date (peildatum)</source>
        <translation>Reference date (peildatum)</translation>
    </message>
    <message>
        <source>Everyone employed on this date is counted. Keep the same date across years.</source>
        <translation>Everyone employed on this date is counted. Keep the same date across years.</translation>
    </message>
    <message>
        <source>Counted are the staff employed on 31 December of the reference year, which you choose in the next step (Decisions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also count</source>
        <translation>Also count</translation>
    </message>
    <message>
        <source>Who is counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 123456782L01; 123456782L02</source>
        <translation>e.g. 123456782L01; 123456782L02</translation>
    </message>
    <message>
        <source>e.g. 0203.201.340</source>
        <translation>e.g. 0203.201.340</translation>
    </message>
    <message>
        <source>A number is entered twice.</source>
        <translation>A number is entered twice.</translation>
    </message>
    <message>
        <source>Valid KBO number(s): %1</source>
        <translation>Valid KBO number(s): %1</translation>
    </message>
    <message>
        <source>Valid payroll tax number(s): %1</source>
        <translation>Valid payroll tax number(s): %1</translation>
    </message>
    <message>
        <source>This is not an e-mail address (name@example.org).</source>
        <translation>This is not an e-mail address (name@example.org).</translation>
    </message>
    <message>
        <source>“%1” is not a payroll tax number: expected 9 digits, the letter L and 2 digits, for example 123456782L01.</source>
        <translation>“%1” is not a payroll tax number: expected 9 digits, the letter L and 2 digits, for example 123456782L01.</translation>
    </message>
    <message>
        <source>“%1”: the first part must have 9 digits.</source>
        <translation>“%1”: the first part must have 9 digits.</translation>
    </message>
    <message>
        <source>“%1” fails the eleven-test (elfproef): probably a typing error in the first 9 digits.</source>
        <translation>“%1” fails the eleven-test (elfproef): probably a typing error in the first 9 digits.</translation>
    </message>
    <message>
        <source>“%1” is not a KBO number: expected 10 digits, e.g. 0203.201.340.</source>
        <translation>“%1” is not a KBO number: expected 10 digits, e.g. 0203.201.340.</translation>
    </message>
    <message>
        <source>“%1”: a KBO number has 10 digits.</source>
        <translation>“%1”: a KBO number has 10 digits.</translation>
    </message>
    <message>
        <source>“%1” fails the check digits (modulo 97): probably a typing error.</source>
        <translation>“%1” fails the check digits (modulo 97): probably a typing error.</translation>
    </message>
    <message>
        <source>“%1” is not a valid number.</source>
        <translation>“%1” is not a valid number.</translation>
    </message>
    <message>
        <source>Type the year(s) you took part in, for example 2022 or 2022, 2024.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a year you can have taken part in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, this is the first time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2022, 2024</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year(s) taken part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your earlier answer: “%1”. Choose no or yes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase for the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase for the backup of the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup opens with this passphrase on any computer (GnuPG, Kleopatra). Keep it apart from the backup file, for example in a safe or a password manager. Use at least 12 characters or at least four words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the &amp;backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase for your organisation&apos;s OpenPGP key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase for your organisation&apos;s signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is locked with this passphrase instead of with this computer&apos;s password safe. You will be asked for it each time the key is used. Use at least 12 characters or at least four words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock the key with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase of the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase of your organisation&apos;s OpenPGP key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase of your organisation&apos;s signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key is locked with a passphrase that was chosen when it was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without this passphrase the backup cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase cannot be recovered: if it is lost, a new key must be made and its fingerprint registered with the office again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>Which programme are you preparing?</source>
        <translation>Which programme are you preparing?</translation>
    </message>
    <message>
        <source>The assistant asks only what this programme needs. You can come back and change it.</source>
        <translation>The assistant asks only what this programme needs. You can come back and change it.</translation>
    </message>
    <message>
        <source>Choose the programme your organisation takes part in. Nothing leaves this computer until you upload the encrypted package at the end.</source>
        <translation>Choose the programme your organisation takes part in. Nothing leaves this computer until you upload the encrypted package at the end.</translation>
    </message>
    <message>
        <source>I have a staff export: count the employees per payroll tax number and check it</source>
        <translation>I have a staff export: count the employees per payroll tax number and check it</translation>
    </message>
</context>
<context>
    <name>ResultsWindow</name>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is kept yet. Import the tables the office returned: the file you downloaded from its portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import the office&apos;s tables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the &amp;report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per subgroup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brea&amp;kdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark (typed in or from a CSV; nothing is fetched)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year over year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subgroup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before you publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The publication check: could a published figure tell something about fewer people than the threshold, directly or by subtracting figures?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within chance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band: what chance explains (95%, Wilson, over the group size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One year of this series so far: the comparison between years follows once you import another year&apos;s tables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the figures before you publish them…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported and kept in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved: %1, with the tables (%2) and the charts (%3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Preparing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The overview could not be saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your answers, then confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exactly what will leave this computer, and how it reaches the office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every answer you gave, as it will be used. Change one with its Change button; Next brings you back here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the overview as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1 with %2 rows, one per payroll tax number with the number of employees you entered, in %3 columns. No employee data is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1 with %2 rows, one per employee counted, in %3 columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every row of the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package cannot be made yet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 rows, with identifiers (%2) masked here on screen. The file itself holds them in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office&apos;s OpenPGP public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenPGP public keys (*.asc *.gpg *.pgp *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the OpenPGP public key the office gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read this fingerprint to the office by phone; when it is the same as theirs, tick the box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key of: %1
Valid until: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You checked this fingerprint with the office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenPGP &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office&apos;s OpenPGP public key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the office&apos;s OpenPGP public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I checked this fingerprint with the office by &amp;phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing: the portal&apos;s secure connection protects the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing: the file goes as it is, unprotected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing: the file holds counts only, no data about people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A certificate file (.pem, .cer, .crt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An OpenPGP public key (.asc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing: make an archive locked with a passphrase (7-Zip); you give the passphrase by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the next page the assistant makes the archive and shows its passphrase once. Give it to the office by phone, never in the same e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the file reaches the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ho&amp;w does the file reach the office?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What did the office &amp;give you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I upload it myself in the office&apos;s web portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assistant uploads it (SFTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assistant uploads it (HTTPS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I deliver it myself the way agreed with the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the certificate the office gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare this fingerprint with the one the office gave you (by phone or in its letter), then tick the box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued to: %1
Valid until: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fingerprint matches the one in the programme profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You confirmed this fingerprint with the office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file for the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First rows of the file, identifiers masked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions as confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The package is encrypted so that only the office can open it, with the certificate it gave you (a .pem, .crt, .cer or .der file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office&apos;s certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the office&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I confirmed this fingerprint with the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>No file is made yet: go Back to make it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file goes to the office: you send it here, or hand it in and confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file for the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next shows whether the file has reached the office and what happens there now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>Diversity Assistant</source>
        <translation>Diversity Assistant</translation>
    </message>
    <message>
        <source>Continue where you left off?</source>
        <translation>Continue where you left off?</translation>
    </message>
    <message>
        <source>Your previous choices were saved automatically. Start again to begin with an empty draft.</source>
        <translation>Your previous choices were saved automatically. Start again to begin with an empty draft.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continue</translation>
    </message>
    <message>
        <source>&amp;Start again</source>
        <translation>&amp;Start again</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Last year&apos;s folder or draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly folder index or draft (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diversity Assistant</source>
        <translation type="unfinished">Diversity Assistant</translation>
    </message>
    <message>
        <source>What would you like to do?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare a submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the programme, check your staff file and make the file for the office, step by step. Nothing leaves this computer until you send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prepare a submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat last year&apos;s choices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from last year&apos;s yearly folder or draft: the same columns, subgroups, merges and delivery route. The conditions, fingerprints and passwords are asked again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the one in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your previous choices were saved automatically. Preparing a new submission begins with an empty draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation type="unfinished">&amp;Continue</translation>
    </message>
    <message>
        <source>In progress with the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your steps with the office, per organisation and year: where you are and what comes next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tables the office returns will be listed here once you have them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TablePreview</name>
    <message>
        <source>Minimum employees per table &amp;cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum employees per table cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names no cell threshold. Fill in the minimum number of employees per table cell to continue, for example 5 or 10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The programme names no minimum number of employees per table cell. Give one to see the table preview: cells with fewer employees are hidden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employees per subgroup and sex, as the table could be published after your merges: cells of fewer than %1 employees are hidden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employees per subgroup, as the table could be published after your merges: cells of fewer than %1 employees are hidden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table preview of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fewer than %1 employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden as well, so the other hidden cells cannot be worked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit passed: no suppressed cell can be worked out from the published cells, not even by an employee who is the only one in a hidden cell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit failed: %1 suppressed cells can be worked out (too closely) from the published cells.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UploadPanel</name>
    <message>
        <source>Your SSH key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal&apos;s CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is encrypted for the demo&apos;s test-only certificate, whose key is public: it can only go to the demo&apos;s test server inside the assistant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upload again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded and verified: the server&apos;s copy has the same SHA-256 as your package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s copy differs from your package. Upload it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload to the office&apos;s portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the encrypted package is sent. The upload continues where it stopped if the connection breaks or you cancel, and the server&apos;s copy is checked afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sftp://server:22/folder or https://server/path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office gives you the address and your login. On the first upload to an SFTP server you are asked to confirm its key fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password, or the key file&apos;s passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember the password in this computer&apos;s keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH &amp;key file (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the SSH key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a custom CA (only when your administrator says so)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>Cancel the upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt saved as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValidationPage</name>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Errors must be corrected before you can continue: correct them in the HR system or the export, save the file and press “Reload file”.</source>
        <translation>Errors must be corrected before you can continue: correct them in the HR system or the export, save the file and press “Reload file”.</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Column %1</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;fewer rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The findings could not be saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings saved to %1. Identification numbers in it are masked; hand it to the salary administration to correct the rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>The assistant checks identifiers, dates, codes, duplicates and who is counted.</source>
        <translation>The assistant checks identifiers, dates, codes, duplicates and who is counted.</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>All findings</source>
        <translation>All findings</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Show findings of severity</source>
        <translation>Show findings of severity</translation>
    </message>
    <message>
        <source>Search in the findings</source>
        <translation>Search in the findings</translation>
    </message>
    <message>
        <source>&amp;Reload file</source>
        <translation>&amp;Reload file</translation>
    </message>
    <message>
        <source>E&amp;xport findings (Excel)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An Excel file with one line per finding per row, for the salary administration. Identification numbers are masked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;all rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Details of the selected finding</source>
        <translation>Details of the selected finding</translation>
    </message>
    <message>
        <source>I have read the warnings and want to continue with these data.</source>
        <translation>I have read the warnings and want to continue with these data.</translation>
    </message>
</context>
</TS>
