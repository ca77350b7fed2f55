<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About pia-wizard</source>
        <translation>Über pia-wizard</translation>
    </message>
    <message>
        <source>pia-wizard&apos;s icon</source>
        <translation>Symbol von pia-wizard</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Free software under the %1; it comes with no warranty.</source>
        <translation>Freie Software unter der %1; ohne jede Gewährleistung.</translation>
    </message>
    <message>
        <source>The rules rest on legal sources up to %1.</source>
        <translation>Die Regeln beruhen auf Rechtsquellen mit Stand %1.</translation>
    </message>
    <message>
        <source>no stated date</source>
        <translation>ohne angegebenes Datum</translation>
    </message>
    <message>
        <source>pia-wizard helps judge a proposed biometric surveillance deployment before it is bought or switched on.</source>
        <translation>pia-wizard hilft, einen geplanten Einsatz biometrischer Überwachung zu beurteilen, bevor er gekauft oder eingeschaltet wird.</translation>
    </message>
    <message>
        <source>not kept (turned off)</source>
        <translation>nicht gespeichert (ausgeschaltet)</translation>
    </message>
    <message>
        <source>Where your data lives</source>
        <translation>Wo Ihre Daten liegen</translation>
    </message>
    <message>
        <source>Your assessments: wherever you save them (files ending in .pia.json).</source>
        <translation>Ihre Bewertungen: dort, wo Sie sie speichern (Dateien mit der Endung .pia.json).</translation>
    </message>
    <message>
        <source>Settings and recent files: %1</source>
        <translation>Einstellungen und zuletzt geöffnete Dateien: %1</translation>
    </message>
    <message>
        <source>Unsaved work kept for recovery: %1</source>
        <translation>Ungesicherte Arbeit für die Wiederherstellung: %1</translation>
    </message>
    <message>
        <source>Cached questionnaires (safe to delete): %1</source>
        <translation>Zwischengespeicherte Fragebögen (dürfen gelöscht werden): %1</translation>
    </message>
    <message>
        <source>This program and its questionnaires and rules: %1</source>
        <translation>Dieses Programm mit seinen Fragebögen und Regeln: %1</translation>
    </message>
    <message>
        <source>Third-party software and licences</source>
        <translation>Software Dritter und Lizenzen</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <source>&amp;Third-party software</source>
        <translation>Software &amp;Dritter</translation>
    </message>
</context>
<context>
    <name>Answer</name>
    <message>
        <source>not answered</source>
        <translation>nicht beantwortet</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>(evidence %1)</source>
        <translation>(Nachweis %1)</translation>
    </message>
    <message>
        <source>unknown / not disclosed</source>
        <translation>unbekannt / nicht offengelegt</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>nicht gefragt</translation>
    </message>
    <message>
        <source>evidence at level %1</source>
        <translation>Nachweis der Stufe %1</translation>
    </message>
    <message>
        <source>no %1 given</source>
        <translation>%1: keine Angabe</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>Unknown / not disclosed</source>
        <translation>Unbekannt / nicht offengelegt</translation>
    </message>
    <message>
        <source>An honest answer: it is shown as an information gap to put to the operator.</source>
        <translation>Eine ehrliche Antwort: Sie erscheint als Informationslücke, nach der Sie den Betreiber fragen können.</translation>
    </message>
    <message>
        <source>Marked unknown. Clicking again removes this answer (Edit › Undo brings it back).</source>
        <translation>Als unbekannt markiert. Ein weiterer Klick entfernt diese Antwort (Bearbeiten › Rückgängig holt sie zurück).</translation>
    </message>
    <message>
        <source>Answer: unknown / not disclosed</source>
        <translation>Antwort: unbekannt / nicht offengelegt</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>Noch nicht beantwortet</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>a note</source>
        <translation>eine Notiz</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>key: %1</source>
        <translation>Taste: %1</translation>
    </message>
    <message>
        <source>Note and evidence</source>
        <translation>Notiz und Nachweise</translation>
    </message>
    <message>
        <source>“%1” is no longer marked unknown: it has no answer now.</source>
        <translation>„%1“ ist nicht mehr als unbekannt markiert und hat jetzt keine Antwort.</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Pflichtfrage</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Pflichtfrage.</translation>
    </message>
    <message>
        <source>Clear answer</source>
        <translation>Antwort löschen</translation>
    </message>
    <message>
        <source>Remove this answer</source>
        <translation>Diese Antwort entfernen</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Show or hide the help</source>
        <translation>Hilfe ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Quellen:</translation>
    </message>
    <message>
        <source>Source %1</source>
        <translation>Quelle %1</translation>
    </message>
    <message>
        <source>The answer to “%1” was cleared.</source>
        <translation>Die Antwort auf „%1“ wurde gelöscht.</translation>
    </message>
    <message>
        <source>Asked for each use — this answer is for “%1”</source>
        <translation>Für jede Nutzung gefragt – diese Antwort gilt für „%1“</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>New findings in B</source>
        <translation>Neue Feststellungen in B</translation>
    </message>
    <message>
        <source>Findings in A only</source>
        <translation>Feststellungen nur in A</translation>
    </message>
    <message>
        <source>Answered in B</source>
        <translation>In B beantwortet</translation>
    </message>
    <message>
        <source>Newly open in B</source>
        <translation>In B neu offen</translation>
    </message>
    <message>
        <source>%1 answers a different questionnaire, so it cannot be compared with this one.</source>
        <translation>%1 beantwortet einen anderen Fragebogen und lässt sich daher nicht mit dieser Bewertung vergleichen.</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare assessments</source>
        <translation>Bewertungen vergleichen</translation>
    </message>
    <message>
        <source>&lt;b&gt;A&lt;/b&gt; (this assessment): %1&lt;br&gt;&lt;b&gt;B&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;A&lt;/b&gt; (diese Bewertung): %1&lt;br&gt;&lt;b&gt;B&lt;/b&gt;: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Verdicts&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ergebnisse&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Rulebook</source>
        <translation>Regelwerk</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>&lt;b&gt;Answers that differ&lt;/b&gt; (%1) — double-click one, or choose it and “Go to question”</source>
        <translation>&lt;b&gt;Abweichende Antworten&lt;/b&gt; (%1) – doppelklicken Sie auf eine oder wählen Sie sie aus und dann „Zur Frage“</translation>
    </message>
    <message>
        <source>&lt;b&gt;The two assessments give the same answers.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Beide Bewertungen enthalten dieselben Antworten.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Go to question</source>
        <translation>Zur Frage</translation>
    </message>
</context>
<context>
    <name>Date</name>
    <message>
        <source>d MMMM yyyy</source>
        <translation>d. MMMM yyyy</translation>
    </message>
    <message>
        <source>d MMMM yyyy, HH:mm</source>
        <translation>d. MMMM yyyy &apos;um&apos; HH:mm &apos;Uhr&apos;</translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <source>Council briefing</source>
        <translation>Vorlage für den Gemeinderat</translation>
    </message>
    <message>
        <source>NGO formal submission</source>
        <translation>Stellungnahme einer NGO</translation>
    </message>
    <message>
        <source>Journalist fact sheet</source>
        <translation>Faktenblatt für Journalisten</translation>
    </message>
    <message>
        <source>Information request to the operator</source>
        <translation>Auskunftsersuchen an den Betreiber</translation>
    </message>
    <message>
        <source>City council</source>
        <translation>Stadtrat</translation>
    </message>
    <message>
        <source>A committee of the city council</source>
        <translation>Ein Ausschuss des Stadtrats</translation>
    </message>
    <message>
        <source>Data protection authority</source>
        <translation>Datenschutzaufsichtsbehörde</translation>
    </message>
    <message>
        <source>Parliament committee</source>
        <translation>Parlamentsausschuss</translation>
    </message>
    <message>
        <source>Newsroom</source>
        <translation>Redaktion</translation>
    </message>
    <message>
        <source>&amp;Title of the assessment</source>
        <translation>&amp;Titel der Bewertung</translation>
    </message>
    <message>
        <source>&amp;Deployment assessed</source>
        <translation>Bewerteter &amp;Einsatz</translation>
    </message>
    <message>
        <source>&amp;Operator</source>
        <translation>Betreibe&amp;r</translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <source>Assesso&amp;r</source>
        <translation>Bewertet &amp;von</translation>
    </message>
    <message>
        <source>Organ&amp;isation</source>
        <translation>Organ&amp;isation</translation>
    </message>
    <message>
        <source>Assessment details</source>
        <translation>Angaben zur Bewertung</translation>
    </message>
    <message>
        <source>Who assesses what, for whom. These details appear on reports; the verdicts never depend on them.</source>
        <translation>Wer bewertet was, für wen. Diese Angaben stehen in den Berichten; die Ergebnisse hängen nie von ihnen ab.</translation>
    </message>
    <message>
        <source>Prep&amp;ared for</source>
        <translation>Er&amp;stellt für</translation>
    </message>
    <message>
        <source>a council, a committee, a regulator…</source>
        <translation>einen Rat, einen Ausschuss, eine Aufsichtsbehörde …</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Assess&amp;ment date</source>
        <translation>Bewert&amp;ungsdatum</translation>
    </message>
    <message>
        <source>Rules are judged as they stand on the assessment date. Without one, today&apos;s date is used, so a verdict can change when a rule comes into force.</source>
        <translation>Die Regeln werden so angewandt, wie sie am Bewertungsdatum gelten. Ohne Datum gilt das heutige; ein Ergebnis kann sich dann ändern, wenn eine Regel in Kraft tritt.</translation>
    </message>
    <message>
        <source>Type the date as YYYY-MM-DD, for example 2026-11-23.</source>
        <translation>Geben Sie das Datum als JJJJ-MM-TT ein, zum Beispiel 2026-11-23.</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>&amp;Sections</source>
        <translation>&amp;Abschnitte</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Previous section</source>
        <translation>Vorheriger Abschnitt</translation>
    </message>
    <message>
        <source>Previous section (Ctrl+PgUp)</source>
        <translation>Vorheriger Abschnitt (Strg+Bild aufwärts)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Next section</source>
        <translation>Nächster Abschnitt</translation>
    </message>
    <message>
        <source>Next section (Ctrl+PgDn)</source>
        <translation>Nächster Abschnitt (Strg+Bild abwärts)</translation>
    </message>
    <message>
        <source>This is an example, opened read-only: its file never changes. You can try other answers here; to keep them, save them as a new file of your own.</source>
        <translation>Dies ist ein Beispiel, schreibgeschützt geöffnet: Seine Datei ändert sich nie. Sie können hier andere Antworten ausprobieren; um sie zu behalten, speichern Sie sie als eigene neue Datei.</translation>
    </message>
    <message>
        <source>Save as a new file…</source>
        <translation>Als neue Datei speichern …</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>attached file</source>
        <translation>angehängte Datei</translation>
    </message>
    <message>
        <source>shows: %1</source>
        <translation>belegt: %1</translation>
    </message>
    <message>
        <source>0 — no evidence</source>
        <translation>0 – kein Nachweis</translation>
    </message>
    <message>
        <source>1 — the deployer&apos;s or vendor&apos;s word</source>
        <translation>1 – Aussage des Betreibers oder Anbieters</translation>
    </message>
    <message>
        <source>2 — internal document</source>
        <translation>2 – internes Dokument</translation>
    </message>
    <message>
        <source>3 — published document</source>
        <translation>3 – veröffentlichtes Dokument</translation>
    </message>
    <message>
        <source>4 — independent verification</source>
        <translation>4 – unabhängige Überprüfung</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Edit evidence</source>
        <translation>Nachweis bearbeiten</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>Nachweis hinzufügen</translation>
    </message>
    <message>
        <source>Evidence for: %1</source>
        <translation>Nachweis für: %1</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>Attach a &amp;file…</source>
        <translation>&amp;Datei anhängen …</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>Datei anhängen …</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>Datei entfernen</translation>
    </message>
    <message>
        <source>And / or a file:</source>
        <translation>Und / oder eine Datei:</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>&amp;Date (published or accessed)</source>
        <translation>Dat&amp;um (veröffentlicht oder abgerufen)</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>&amp;Zitat</translation>
    </message>
    <message>
        <source>&amp;Confidence</source>
        <translation>&amp;Verlässlichkeit</translation>
    </message>
    <message>
        <source>Tick the chosen options this document shows, if it shows only some of them (a court established one, a newspaper reported another). Tick none if it shows the whole answer.</source>
        <translation>Kreuzen Sie die gewählten Optionen an, die dieses Dokument belegt, wenn es nur einige davon belegt (eine stellte ein Gericht fest, über eine andere berichtete eine Zeitung). Kreuzen Sie keine an, wenn es die ganze Antwort belegt.</translation>
    </message>
    <message>
        <source>It shows:</source>
        <translation>Es belegt:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Datei anhängen</translation>
    </message>
    <message>
        <source>This file is larger than %1 MB; link to it with an address instead.</source>
        <translation>Diese Datei ist größer als %1 MB; verweisen Sie stattdessen mit einer Adresse auf sie.</translation>
    </message>
    <message>
        <source>Could not read the file: %1</source>
        <translation>Die Datei ließ sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>Give the evidence a title (what it is, who published it).</source>
        <translation>Geben Sie dem Nachweis einen Titel (was er ist, wer ihn veröffentlicht hat).</translation>
    </message>
    <message>
        <source>The address must start with http:// or https://.</source>
        <translation>Die Adresse muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <source>Type the date as YYYY-MM-DD, for example 2026-11-23.</source>
        <translation>Geben Sie das Datum als JJJJ-MM-TT ein, zum Beispiel 2026-11-23.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>PDF (the record)</source>
        <translation>PDF (das Dokument für die Akten)</translation>
    </message>
    <message>
        <source>Word document, editable</source>
        <translation>Word-Dokument, bearbeitbar</translation>
    </message>
    <message>
        <source>Markdown, editable</source>
        <translation>Markdown, bearbeitbar</translation>
    </message>
    <message>
        <source>Web page to print from a browser</source>
        <translation>Webseite zum Drucken aus dem Browser</translation>
    </message>
    <message>
        <source>Notes on answers</source>
        <translation>Notizen zu Antworten</translation>
    </message>
    <message>
        <source>Quotes from evidence documents</source>
        <translation>Zitate aus Nachweisdokumenten</translation>
    </message>
    <message>
        <source>My name and organisation</source>
        <translation>Mein Name und meine Organisation</translation>
    </message>
    <message>
        <source>The annex (all answers, unknowns, sources, glossary, method)</source>
        <translation>Den Anhang (alle Antworten, Unbekanntes, Quellen, Glossar, Methode)</translation>
    </message>
    <message>
        <source>The assessment data embedded in the PDF</source>
        <translation>Die in das PDF eingebetteten Bewertungsdaten</translation>
    </message>
    <message>
        <source>Evidence files embedded in the assessment data</source>
        <translation>In die Bewertungsdaten eingebettete Nachweisdateien</translation>
    </message>
    <message>
        <source>Loading the questionnaire and rulebooks</source>
        <translation>Fragebogen und Regelwerke werden geladen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Evaluating</source>
        <translation>Wird ausgewertet</translation>
    </message>
    <message>
        <source>Evaluating and writing the report</source>
        <translation>Bericht wird ausgewertet und geschrieben</translation>
    </message>
    <message>
        <source>Saving the editable copy</source>
        <translation>Bearbeitbare Fassung wird gespeichert</translation>
    </message>
    <message>
        <source>Saving the web page</source>
        <translation>Webseite wird gespeichert</translation>
    </message>
    <message>
        <source>Printing the PDF</source>
        <translation>PDF wird erzeugt</translation>
    </message>
    <message>
        <source>Signing the PDF</source>
        <translation>PDF wird signiert</translation>
    </message>
    <message>
        <source>Saving the PDF</source>
        <translation>PDF wird gespeichert</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Print a report</source>
        <translation>Bericht drucken</translation>
    </message>
    <message>
        <source>Export a report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>&amp;Vorlage</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>for instance: the city council&apos;s public safety committee</source>
        <translation>zum Beispiel: der Ausschuss für öffentliche Sicherheit des Stadtrats</translation>
    </message>
    <message>
        <source>&amp;Prepared for</source>
        <translation>Erstell&amp;t für</translation>
    </message>
    <message>
        <source>Prepared for</source>
        <translation>Erstellt für</translation>
    </message>
    <message>
        <source>A council, a committee, a regulator: printed on the report as “Prepared for”. Left empty, the report names no recipient.</source>
        <translation>Ein Rat, ein Ausschuss, eine Aufsichtsbehörde: steht im Bericht als „Erstellt für“. Bleibt das Feld leer, nennt der Bericht keinen Empfänger.</translation>
    </message>
    <message>
        <source>&amp;Draft (marked DRAFT)</source>
        <translation>E&amp;ntwurf (als ENTWURF gekennzeichnet)</translation>
    </message>
    <message>
        <source>Draft (marked DRAFT)</source>
        <translation>Entwurf (als ENTWURF gekennzeichnet)</translation>
    </message>
    <message>
        <source>&amp;Final</source>
        <translation>End&amp;gültig</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Endgültig</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message numerus="yes">
        <source>A final report needs every required answer; %n still open.</source>
        <translation>
            <numerusform>Ein endgültiger Bericht braucht jede Pflichtantwort; %n ist noch offen.</numerusform>
            <numerusform>Ein endgültiger Bericht braucht jede Pflichtantwort; %n sind noch offen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Save to</source>
        <translation>Speichern &amp;unter</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Form&amp;at</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>Si&amp;gn the PDF</source>
        <translation>PDF signie&amp;ren</translation>
    </message>
    <message>
        <source>&amp;Key file</source>
        <translation>Sch&amp;lüsseldatei</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durchsuc&amp;hen …</translation>
    </message>
    <message>
        <source>a .p12 file made with “pia-wizard keys new”, or your own</source>
        <translation>eine mit „pia-wizard keys new“ erstellte .p12-Datei oder Ihre eigene</translation>
    </message>
    <message>
        <source>Passp&amp;hrase</source>
        <translation>Pass&amp;wort</translation>
    </message>
    <message>
        <source>A signature shows that the report was not changed after you signed it. A key you made yourself does not show who you are; a certificate from an authority your readers trust does.</source>
        <translation>Eine Signatur zeigt, dass der Bericht nach dem Signieren nicht geändert wurde. Ein selbst erstellter Schlüssel zeigt nicht, wer Sie sind; das zeigt erst ein Zertifikat einer Stelle, der Ihre Leser vertrauen.</translation>
    </message>
    <message>
        <source>Leave out of this report</source>
        <translation>In diesem Bericht weglassen</translation>
    </message>
    <message>
        <source>Letter to the operator</source>
        <translation>Schreiben an den Betreiber</translation>
    </message>
    <message>
        <source>for instance: The data protection officer, City of …</source>
        <translation>zum Beispiel: Die/der Datenschutzbeauftragte der Stadt …</translation>
    </message>
    <message>
        <source>&amp;Recipient</source>
        <translation>Em&amp;pfänger</translation>
    </message>
    <message>
        <source>Y&amp;our reference</source>
        <translation>&amp;Ihr Zeichen</translation>
    </message>
    <message>
        <source>Ask for a re&amp;ply by</source>
        <translation>&amp;Antwort erbitten bis</translation>
    </message>
    <message>
        <source>Reply by</source>
        <translation>Antwort bis</translation>
    </message>
    <message>
        <source>The law under which you ask, if any (for instance a freedom-of-information act). Left empty, the letter leaves room to write it in by hand.</source>
        <translation>Das Gesetz, auf das Sie Ihre Anfrage stützen, falls vorhanden (zum Beispiel ein Informationsfreiheitsgesetz). Bleibt das Feld leer, lässt das Schreiben Platz, es von Hand einzutragen.</translation>
    </message>
    <message>
        <source>Legal bas&amp;is</source>
        <translation>Re&amp;chtsgrundlage</translation>
    </message>
    <message>
        <source>&amp;Make it and open it to print</source>
        <translation>&amp;Erstellen und zum Drucken öffnen</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Notes marked private are never exported.</source>
        <translation>Als privat markierte Notizen werden nie exportiert.</translation>
    </message>
    <message>
        <source>Choose a signing key</source>
        <translation>Signaturschlüssel wählen</translation>
    </message>
    <message>
        <source>Signing keys (*.p12 *.pfx)</source>
        <translation>Signaturschlüssel (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>choose the key file to sign with</source>
        <translation>Schlüsseldatei zum Signieren wählen</translation>
    </message>
    <message>
        <source>Cannot sign: %1</source>
        <translation>Signieren nicht möglich: %1</translation>
    </message>
    <message>
        <source>A letter to the operator never carries this.</source>
        <translation>Ein Schreiben an den Betreiber enthält dies nie.</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>Bericht speichern unter</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <source>The export stopped unexpectedly (exit code %1).</source>
        <translation>Der Export wurde unerwartet beendet (Exit-Code %1).</translation>
    </message>
</context>
<context>
    <name>Group</name>
    <message>
        <source>item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>No %1 yet.</source>
        <translation>%1: noch keine Angabe.</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>pia-wizard user guide</source>
        <translation>Benutzerhandbuch von pia-wizard</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation.</source>
        <translation>Das Benutzerhandbuch fehlt in dieser Installation.</translation>
    </message>
</context>
<context>
    <name>Input</name>
    <message>
        <source>2026-11-23, March 2026 or 2026</source>
        <translation>2026-11-23, März 2026 oder 2026</translation>
    </message>
    <message>
        <source>“%1” is not a day of the calendar.</source>
        <translation>„%1“ ist kein Tag im Kalender.</translation>
    </message>
    <message>
        <source>Type a date as 2026-11-23, March 2026 or 2026 (a month or a year when that is all that is known).</source>
        <translation>Geben Sie ein Datum als 2026-11-23, 23.11.2026, März 2026 oder 2026 ein (nur Monat oder Jahr, wenn nicht mehr bekannt ist).</translation>
    </message>
    <message>
        <source>Not sure which? One of these, not known which…</source>
        <translation>Nicht sicher? Eine davon, unbekannt welche …</translation>
    </message>
    <message>
        <source>Tick every choice it could be (at least two):</source>
        <translation>Kreuzen Sie jede mögliche Antwort an (mindestens zwei):</translation>
    </message>
    <message>
        <source>— not answered —</source>
        <translation>– nicht beantwortet –</translation>
    </message>
    <message>
        <source>— unknown / not disclosed —</source>
        <translation>– unbekannt / nicht offengelegt –</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Unknown / not disclosed</source>
        <translation>Unbekannt / nicht offengelegt</translation>
    </message>
    <message>
        <source>0 – 1, or a percentage: 0.1 %</source>
        <translation>0 – 1 oder ein Prozentsatz: 0,1 %</translation>
    </message>
    <message>
        <source>A number, or a range such as 1000–9999 when a document gives only a rough figure</source>
        <translation>Eine Zahl oder ein Bereich wie 1000–9999, wenn ein Dokument nur eine ungefähre Angabe macht</translation>
    </message>
    <message>
        <source>“%1” is not one number: which range do you mean?</source>
        <translation>„%1“ ist keine genaue Zahl: Welchen Bereich meinen Sie?</translation>
    </message>
    <message>
        <source>Type the smaller number first, for example 1000–9999.</source>
        <translation>Geben Sie die kleinere Zahl zuerst ein, zum Beispiel 1000–9999.</translation>
    </message>
    <message>
        <source>A bound is below the smallest answer allowed.</source>
        <translation>Eine Grenze liegt unter der kleinsten zulässigen Antwort.</translation>
    </message>
    <message>
        <source>A bound is above the largest answer allowed.</source>
        <translation>Eine Grenze liegt über der größten zulässigen Antwort.</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>%1 übernehmen</translation>
    </message>
    <message>
        <source>Type the number itself, without %.</source>
        <translation>Geben Sie nur die Zahl ein, ohne %.</translation>
    </message>
    <message>
        <source>Type digits, with a point for decimals (for example 0.0001), no commas.</source>
        <translation>Geben Sie Ziffern ein, mit einem Punkt als Dezimaltrennzeichen (zum Beispiel 0.0001), ohne Komma.</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>„%1“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>Type a whole number.</source>
        <translation>Geben Sie eine ganze Zahl ein.</translation>
    </message>
    <message>
        <source>A full date, or only the month or the year when a document gives no more (for example March 2026 or 2026)</source>
        <translation>Ein vollständiges Datum oder nur Monat oder Jahr, wenn ein Dokument nicht mehr angibt (zum Beispiel März 2026 oder 2026)</translation>
    </message>
    <message>
        <source>Calendar…</source>
        <translation>Kalender …</translation>
    </message>
    <message>
        <source>Pick the date of “%1” in a calendar</source>
        <translation>Datum für „%1“ im Kalender wählen</translation>
    </message>
    <message>
        <source>The exact day</source>
        <translation>Der genaue Tag</translation>
    </message>
    <message>
        <source>Only the month is known</source>
        <translation>Nur der Monat ist bekannt</translation>
    </message>
    <message>
        <source>Only the year is known</source>
        <translation>Nur das Jahr ist bekannt</translation>
    </message>
    <message>
        <source>How precisely the date is known</source>
        <translation>Wie genau das Datum bekannt ist</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>Höchstens %1 Zeichen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New assessment</source>
        <translation>&amp;Neue Bewertung</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>Bericht e&amp;xportieren …</translation>
    </message>
    <message>
        <source>&amp;Print a report…</source>
        <translation>Bericht &amp;drucken …</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Close assessment</source>
        <translation>Bewertung schl&amp;ießen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Assessment &amp;details</source>
        <translation>Angaben zur &amp;Bewertung</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Previous section</source>
        <translation>&amp;Vorheriger Abschnitt</translation>
    </message>
    <message>
        <source>&amp;Next section</source>
        <translation>&amp;Nächster Abschnitt</translation>
    </message>
    <message>
        <source>Next &amp;unanswered question</source>
        <translation>Nächste &amp;unbeantwortete Frage</translation>
    </message>
    <message>
        <source>&amp;Sources and glossary</source>
        <translation>&amp;Quellen und Glossar</translation>
    </message>
    <message>
        <source>Summar&amp;y of the assessment</source>
        <translation>&amp;Zusammenfassung der Bewertung</translation>
    </message>
    <message>
        <source>&amp;Unknown / not disclosed</source>
        <translation>&amp;Unbekannt / nicht offengelegt</translation>
    </message>
    <message>
        <source>&amp;Clear the answer</source>
        <translation>Antwort &amp;löschen</translation>
    </message>
    <message>
        <source>This question has no answer.</source>
        <translation>Diese Frage hat keine Antwort.</translation>
    </message>
    <message>
        <source>Show or hide its &amp;help</source>
        <translation>&amp;Hilfe ein- oder ausblenden</translation>
    </message>
    <message>
        <source>This question has no help.</source>
        <translation>Zu dieser Frage gibt es keine Hilfe.</translation>
    </message>
    <message>
        <source>&amp;Note and evidence</source>
        <translation>&amp;Notiz und Nachweise</translation>
    </message>
    <message>
        <source>&amp;Sources of the question…</source>
        <translation>&amp;Quellen der Frage …</translation>
    </message>
    <message>
        <source>This question cites no source.</source>
        <translation>Diese Frage nennt keine Quelle.</translation>
    </message>
    <message>
        <source>&amp;Find in the questionnaire…</source>
        <translation>Im Fragebogen &amp;suchen …</translation>
    </message>
    <message>
        <source>&amp;About pia-wizard</source>
        <translation>Über &amp;pia-wizard</translation>
    </message>
    <message>
        <source>Co&amp;mpare with…</source>
        <translation>&amp;Vergleichen mit …</translation>
    </message>
    <message>
        <source>Save as scenar&amp;io…</source>
        <translation>Als Sz&amp;enario speichern …</translation>
    </message>
    <message>
        <source>Re&amp;view and sign-off…</source>
        <translation>Prüfung und Frei&amp;gabe …</translation>
    </message>
    <message>
        <source>&amp;Clear recent files</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo: bring the removed answer back</source>
        <translation>Rückgängig: die entfernte Antwort zurückholen</translation>
    </message>
    <message>
        <source>Use Edit › Undo: other changes came after it.</source>
        <translation>Nutzen Sie Bearbeiten › Rückgängig: Danach gab es weitere Änderungen.</translation>
    </message>
    <message>
        <source>The answer is back.</source>
        <translation>Die Antwort ist wieder da.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Open E&amp;xample</source>
        <translation>Beispie&amp;l öffnen</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Question</source>
        <translation>&amp;Frage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>No examples are installed</source>
        <translation>Keine Beispiele installiert</translation>
    </message>
    <message>
        <source>No questionnaire</source>
        <translation>Kein Fragebogen</translation>
    </message>
    <message>
        <source>No questionnaire is installed.</source>
        <translation>Es ist kein Fragebogen installiert.</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>Datei lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>Some answers in “%1” are kept but not used:</source>
        <translation>Einige Antworten in „%1“ bleiben erhalten, werden aber nicht verwendet:</translation>
    </message>
    <message>
        <source>… and %1 more (see the details).</source>
        <translation>… und %1 weitere (siehe Details).</translation>
    </message>
    <message>
        <source>Earlier answers skip these questions. The answers stay in the file and count again if those earlier answers change.</source>
        <translation>Frühere Antworten überspringen diese Fragen. Die Antworten bleiben in der Datei und zählen wieder, wenn sich diese früheren Antworten ändern.</translation>
    </message>
    <message>
        <source>Answers not used</source>
        <translation>Nicht verwendete Antworten</translation>
    </message>
    <message>
        <source>Its fingerprint holds: these are the answers the report was made from (SHA-256 %1…).</source>
        <translation>Der Fingerabdruck stimmt: Aus diesen Antworten wurde der Bericht erstellt (SHA-256 %1 …).</translation>
    </message>
    <message>
        <source>Its fingerprint does NOT hold: these answers may not be the ones the report shows.</source>
        <translation>Der Fingerabdruck stimmt NICHT: Diese Antworten sind womöglich nicht die, die der Bericht zeigt.</translation>
    </message>
    <message>
        <source>With today&apos;s rulebooks some verdicts differ from the report&apos;s (see details).</source>
        <translation>Mit den heutigen Regelwerken weichen einige Ergebnisse von denen des Berichts ab (siehe Details).</translation>
    </message>
    <message>
        <source>Today&apos;s rulebooks give the same verdicts as the report.</source>
        <translation>Die heutigen Regelwerke ergeben dieselben Ergebnisse wie der Bericht.</translation>
    </message>
    <message>
        <source>Opened the assessment embedded in the report “%1”.</source>
        <translation>Die im Bericht „%1“ eingebettete Bewertung wurde geöffnet.</translation>
    </message>
    <message>
        <source>It is a new document: save it under a name of its own. A report carries only what its author let leave: private notes, and anything left out of the report, are not in it.</source>
        <translation>Sie ist ein neues Dokument: Speichern Sie sie unter einem eigenen Namen. Ein Bericht enthält nur, was seine Verfasserin oder sein Verfasser herausgegeben hat: Private Notizen und alles, was im Bericht weggelassen wurde, fehlen.</translation>
    </message>
    <message>
        <source>Opened from a report</source>
        <translation>Aus einem Bericht geöffnet</translation>
    </message>
    <message>
        <source>Judged as the rules stand on %1, the assessment date.</source>
        <translation>Beurteilt nach den Regeln, wie sie am %1 gelten, dem Bewertungsdatum.</translation>
    </message>
    <message>
        <source>Judged as the rules stand today, %1 (no assessment date set).</source>
        <translation>Beurteilt nach den Regeln, wie sie heute, am %1, gelten (kein Bewertungsdatum angegeben).</translation>
    </message>
    <message>
        <source>Cannot try this</source>
        <translation>Ausprobieren nicht möglich</translation>
    </message>
    <message>
        <source>Opened the scenario “%1” in a new window; this assessment is unchanged.</source>
        <translation>Das Szenario „%1“ wurde in einem neuen Fenster geöffnet; diese Bewertung bleibt unverändert.</translation>
    </message>
    <message>
        <source>Scenario “%1”, not saved yet. File › Compare with… shows what it changes.</source>
        <translation>Szenario „%1“, noch nicht gespeichert. Datei › Vergleichen mit … zeigt, was es ändert.</translation>
    </message>
    <message>
        <source>Add another use</source>
        <translation>Weitere Nutzung hinzufügen</translation>
    </message>
    <message>
        <source>Add the use “%1”</source>
        <translation>Nutzung „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Rename this use</source>
        <translation>Diese Nutzung umbenennen</translation>
    </message>
    <message>
        <source>Rename the use “%1”</source>
        <translation>Nutzung „%1“ umbenennen</translation>
    </message>
    <message>
        <source>Remove the use “%1”</source>
        <translation>Nutzung „%1“ entfernen</translation>
    </message>
    <message>
        <source>Removed the use “%1” and its answers.</source>
        <translation>Die Nutzung „%1“ und ihre Antworten wurden entfernt.</translation>
    </message>
    <message>
        <source>Every shown question has an answer.</source>
        <translation>Jede angezeigte Frage hat eine Antwort.</translation>
    </message>
    <message>
        <source>First put the focus on a question: Ctrl+J goes to the next one without an answer.</source>
        <translation>Setzen Sie zuerst den Fokus auf eine Frage: Strg+J springt zur nächsten Frage ohne Antwort.</translation>
    </message>
    <message>
        <source>Untitled assessment</source>
        <translation>Unbenannte Bewertung</translation>
    </message>
    <message>
        <source>%1 (example, read-only)</source>
        <translation>%1 (Beispiel, schreibgeschützt)</translation>
    </message>
    <message>
        <source>Cannot save here</source>
        <translation>Speichern hier nicht möglich</translation>
    </message>
    <message>
        <source>The examples are read-only. Choose a folder of your own for your copy.</source>
        <translation>Die Beispiele sind schreibgeschützt. Wählen Sie einen eigenen Ordner für Ihre Kopie.</translation>
    </message>
    <message>
        <source>Cannot compare</source>
        <translation>Vergleich nicht möglich</translation>
    </message>
    <message>
        <source>(not saved)</source>
        <translation>(nicht gespeichert)</translation>
    </message>
    <message>
        <source>Choose another file: a scenario never replaces its origin or an example.</source>
        <translation>Wählen Sie eine andere Datei: Ein Szenario ersetzt nie seine Ausgangsbewertung oder ein Beispiel.</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>Saved the scenario “%1” as %2. File › Compare with… shows what it changes.</source>
        <translation>Das Szenario „%1“ wurde als %2 gespeichert. Datei › Vergleichen mit … zeigt, was es ändert.</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>bewertung</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Could not write the recovery copy: %1</source>
        <translation>Die Wiederherstellungskopie ließ sich nicht schreiben: %1</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message>
        <source>Recent files cleared.</source>
        <translation>Liste der zuletzt geöffneten Dateien geleert.</translation>
    </message>
    <message>
        <source>Export running</source>
        <translation>Export läuft</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Es läuft bereits ein Export.</translation>
    </message>
    <message>
        <source>Starting the export…</source>
        <translation>Export wird gestartet …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>The report is open in your PDF viewer: print it from there.</source>
        <translation>Der Bericht ist in Ihrem PDF-Programm geöffnet: Drucken Sie ihn von dort.</translation>
    </message>
    <message>
        <source>Open it in a web browser to read or print it.</source>
        <translation>Öffnen Sie ihn in einem Webbrowser, um ihn zu lesen oder zu drucken.</translation>
    </message>
    <message>
        <source>PDF reports are not available in this version yet; the evaluation was written as data.</source>
        <translation>PDF-Berichte gibt es in dieser Version noch nicht; die Auswertung wurde als Daten geschrieben.</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Export abgeschlossen</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>The report could not be exported.</source>
        <translation>Der Bericht ließ sich nicht exportieren.</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export abgebrochen.</translation>
    </message>
</context>
<context>
    <name>MigrationNotice</name>
    <message>
        <source>Close this notice</source>
        <translation>Diesen Hinweis schließen</translation>
    </message>
    <message>
        <source>Saving writes version %2 (the file as it was is kept beside it as a .bak copy).</source>
        <translation>Beim Speichern wird Version %2 geschrieben (die bisherige Datei bleibt daneben als .bak-Kopie erhalten).</translation>
    </message>
    <message>
        <source>Saving writes version %2.</source>
        <translation>Beim Speichern wird Version %2 geschrieben.</translation>
    </message>
    <message>
        <source>These answers were written for version %1 of the questionnaire; they are shown under version %2.</source>
        <translation>Diese Antworten wurden für Version %1 des Fragebogens geschrieben; sie werden unter Version %2 angezeigt.</translation>
    </message>
    <message>
        <source>Dropped: %1</source>
        <translation>Entfallen: %1</translation>
    </message>
    <message>
        <source>New questions to answer (%1):</source>
        <translation>Neue Fragen zu beantworten (%1):</translation>
    </message>
    <message>
        <source>No new question needs an answer.</source>
        <translation>Keine neue Frage muss beantwortet werden.</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… und %1 weitere.</translation>
    </message>
</context>
<context>
    <name>NotePanel</name>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>What you found out, whom you asked, when…</source>
        <translation>Was Sie herausgefunden haben, wen Sie wann gefragt haben …</translation>
    </message>
    <message>
        <source>Private — never exported</source>
        <translation>Privat – wird nie exportiert</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweise</translation>
    </message>
    <message>
        <source>Add evidence…</source>
        <translation>Nachweis hinzufügen …</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Resolved review comment</source>
        <translation>Erledigter Prüfkommentar</translation>
    </message>
    <message>
        <source>Open review comment</source>
        <translation>Offener Prüfkommentar</translation>
    </message>
    <message>
        <source>Questions: %1</source>
        <translation>Fragen: %1</translation>
    </message>
    <message>
        <source>Earlier answers make this section irrelevant.</source>
        <translation>Frühere Antworten machen diesen Abschnitt gegenstandslos.</translation>
    </message>
    <message>
        <source>This section is skipped: %1 Its answers do not count.</source>
        <translation>Dieser Abschnitt wird übersprungen: %1 Seine Antworten zählen nicht.</translation>
    </message>
</context>
<context>
    <name>Plural</name>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n Dokument</numerusform>
            <numerusform>%n Dokumente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n required open</source>
        <translation>
            <numerusform>%n Pflichtfrage offen</numerusform>
            <numerusform>%n Pflichtfragen offen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n question(s) answered, %2 of them unknown / not disclosed.</source>
        <translation>
            <numerusform>%1 von %n Frage beantwortet, davon %2 unbekannt / nicht offengelegt.</numerusform>
            <numerusform>%1 von %n Fragen beantwortet, davon %2 unbekannt / nicht offengelegt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Default &amp;audience</source>
        <translation>Standard-&amp;Zielgruppe</translation>
    </message>
    <message>
        <source>Report &amp;folder</source>
        <translation>Berichts&amp;ordner</translation>
    </message>
    <message>
        <source>Report folder</source>
        <translation>Berichtsordner</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>A new language applies when pia-wizard next starts. Questions and rules not yet translated are shown in English.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von pia-wizard. Noch nicht übersetzte Fragen und Regeln erscheinen auf Englisch.</translation>
    </message>
    <message>
        <source>Folder for reports</source>
        <translation>Ordner für Berichte</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>pia-wizard assessments (*.pia.json)</source>
        <translation>pia-wizard-Bewertungen (*.pia.json)</translation>
    </message>
    <message>
        <source>Open an assessment</source>
        <translation>Bewertung öffnen</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save as scenario</source>
        <translation>Als Szenario speichern</translation>
    </message>
    <message>
        <source>What does this scenario try? For example “with judicial authorisation”:</source>
        <translation>Was probiert dieses Szenario aus? Zum Beispiel „mit richterlicher Genehmigung“:</translation>
    </message>
    <message>
        <source>What is this use of the system? For example “searches of CCTV footage”:</source>
        <translation>Welche Nutzung des Systems ist das? Zum Beispiel „Suche in Videoaufnahmen“:</translation>
    </message>
    <message>
        <source>Save the assessment as</source>
        <translation>Bewertung speichern unter</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>Neue Bewertung</translation>
    </message>
    <message>
        <source>&amp;Questionnaire:</source>
        <translation>&amp;Fragebogen:</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing it?</source>
        <translation>Änderungen an „%1“ vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>Changes you do not save are lost.</source>
        <translation>Nicht gespeicherte Änderungen gehen verloren.</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>Ungespeicherte Arbeit wiederherstellen?</translation>
    </message>
    <message>
        <source>pia-wizard did not close properly last time. Restore the unsaved changes to “%1”?</source>
        <translation>pia-wizard wurde beim letzten Mal nicht ordnungsgemäß beendet. Die ungespeicherten Änderungen an „%1“ wiederherstellen?</translation>
    </message>
    <message>
        <source>Copied automatically on %1.</source>
        <translation>Automatisch gesichert am %1.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Ask &amp;later</source>
        <translation>&amp;Später fragen</translation>
    </message>
    <message>
        <source>Cannot open the report</source>
        <translation>Bericht lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>No program to show PDF files was found. The report is here:
%1</source>
        <translation>Es wurde kein Programm zum Anzeigen von PDF-Dateien gefunden. Der Bericht liegt hier:
%1</translation>
    </message>
    <message>
        <source>“%1” cannot be opened:</source>
        <translation>„%1“ lässt sich nicht öffnen:</translation>
    </message>
    <message>
        <source>… and %1 more (see the details).</source>
        <translation>… und %1 weitere (siehe Details).</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Send for review</source>
        <translation>Zur Prüfung senden</translation>
    </message>
    <message>
        <source>Request changes</source>
        <translation>Änderungen anfordern</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>Zurück zum Entwurf</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation>Änderungen angefordert</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>in Prüfung</translation>
    </message>
    <message>
        <source>changes requested</source>
        <translation>Änderungen angefordert</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>The reviewer&apos;s name is typed, not checked: anyone who can edit the assessment file can write any name here. The review record shows what was reviewed, not who reviewed it.</source>
        <translation>Der Name der prüfenden Person wird eingetippt, nicht überprüft: Wer die Bewertungsdatei bearbeiten kann, kann hier jeden Namen eintragen. Das Prüfprotokoll zeigt, was geprüft wurde, nicht wer geprüft hat.</translation>
    </message>
    <message>
        <source>Signature invalid: the approval was changed after it was signed.</source>
        <translation>Signatur ungültig: Die Freigabe wurde nach dem Signieren geändert.</translation>
    </message>
    <message>
        <source>Signature invalid: the review step was changed after it was signed.</source>
        <translation>Signatur ungültig: Der Prüfschritt wurde nach dem Signieren geändert.</translation>
    </message>
    <message>
        <source>Signed with a key naming %1: the step is unchanged since it was signed. The key is self-signed, so this does not prove who signed it.</source>
        <translation>Signiert mit einem Schlüssel auf den Namen %1: Der Schritt ist seit dem Signieren unverändert. Der Schlüssel ist selbst signiert; er beweist also nicht, wer signiert hat.</translation>
    </message>
    <message>
        <source>Signed with a key naming %1: the step is unchanged since it was signed. The key&apos;s certificate is not checked against one you trust here (validate --trust does that).</source>
        <translation>Signiert mit einem Schlüssel auf den Namen %1: Der Schritt ist seit dem Signieren unverändert. Das Zertifikat des Schlüssels wird hier nicht mit einem geprüft, dem Sie vertrauen (das tut validate --trust).</translation>
    </message>
    <message>
        <source>Approved by %1 on %2.</source>
        <translation>Freigegeben von %1 am %2.</translation>
    </message>
    <message>
        <source>Approved by %1 on %2, but NO LONGER CURRENT: answers, notes or evidence changed since. Undo the change or approve again.</source>
        <translation>Freigegeben von %1 am %2, aber NICHT MEHR AKTUELL: Antworten, Notizen oder Nachweise haben sich seitdem geändert. Machen Sie die Änderung rückgängig oder geben Sie erneut frei.</translation>
    </message>
    <message>
        <source>Not reviewed yet.</source>
        <translation>Noch nicht geprüft.</translation>
    </message>
    <message>
        <source>Review: %1 (by %2 on %3).</source>
        <translation>Prüfung: %1 (von %2 am %3).</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Review and sign-off</source>
        <translation>Prüfung und Freigabe</translation>
    </message>
    <message>
        <source>Review steps</source>
        <translation>Prüfschritte</translation>
    </message>
    <message>
        <source>Comments on answers</source>
        <translation>Kommentare zu Antworten</translation>
    </message>
    <message>
        <source>Go to the question</source>
        <translation>Zur Frage</translation>
    </message>
    <message>
        <source>Mark resolved</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <source>Question to comment on</source>
        <translation>Zu kommentierende Frage</translation>
    </message>
    <message>
        <source>What should be checked or changed in this answer?</source>
        <translation>Was sollte an dieser Antwort geprüft oder geändert werden?</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Kommentar hinzufügen</translation>
    </message>
    <message>
        <source>Your name, as it should appear on the approval</source>
        <translation>Ihr Name, wie er in der Freigabe stehen soll</translation>
    </message>
    <message>
        <source>Why, in a sentence (optional)</source>
        <translation>Warum, in einem Satz (freiwillig)</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Frage:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Kommentar:</translation>
    </message>
    <message>
        <source>Reviewer:</source>
        <translation>Prüfende Person:</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Warum:</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Record a step</source>
        <translation>Schritt festhalten</translation>
    </message>
    <message>
        <source>No step recorded yet.</source>
        <translation>Noch kein Schritt festgehalten.</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Approve is not available while a comment on an answer is open: resolve it first.</source>
        <translation>Freigeben ist nicht möglich, solange ein Kommentar zu einer Antwort offen ist: Erledigen Sie ihn zuerst.</translation>
    </message>
    <message>
        <source>Approve is not available while %1 comments on answers are open: resolve them first.</source>
        <translation>Freigeben ist nicht möglich, solange %1 Kommentare zu Antworten offen sind: Erledigen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>Prüfung: %1</translation>
    </message>
    <message>
        <source>Add review comment</source>
        <translation>Prüfkommentar hinzufügen</translation>
    </message>
    <message>
        <source>Open again</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Resolve review comment</source>
        <translation>Prüfkommentar erledigen</translation>
    </message>
    <message>
        <source>Open review comment again</source>
        <translation>Prüfkommentar wieder öffnen</translation>
    </message>
</context>
<context>
    <name>RulebookView</name>
    <message>
        <source>Cannot be decided on what is known: a red line may apply, “%1”.</source>
        <translation>Auf Grundlage des Bekannten nicht entscheidbar: Eine rote Linie kann greifen, „%1“.</translation>
    </message>
    <message>
        <source>A red line is crossed: %1.</source>
        <translation>Eine rote Linie ist überschritten: %1.</translation>
    </message>
    <message>
        <source>A decisive test fails: %1.</source>
        <translation>Eine entscheidende Prüfung ist nicht bestanden: %1.</translation>
    </message>
    <message>
        <source>Cannot be decided on what is known: %1.</source>
        <translation>Auf Grundlage des Bekannten nicht entscheidbar: %1.</translation>
    </message>
    <message>
        <source>Passes only once the planned safeguards are in place: %1.</source>
        <translation>Erst bestanden, wenn die geplanten Schutzmaßnahmen umgesetzt sind: %1.</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Warum?</translation>
    </message>
    <message>
        <source>Information gaps</source>
        <translation>Informationslücken</translation>
    </message>
    <message>
        <source>What would change this?</source>
        <translation>Was würde das ändern?</translation>
    </message>
    <message>
        <source>Updating gaps and what would change this…</source>
        <translation>Lücken und mögliche Änderungen werden aktualisiert …</translation>
    </message>
    <message>
        <source>From the use “%1”. Each use: %2.</source>
        <translation>Aus der Nutzung „%1“. Jede Nutzung: %2.</translation>
    </message>
    <message>
        <source>No rule fired.</source>
        <translation>Keine Regel hat gegriffen.</translation>
    </message>
    <message>
        <source>Tests, in the order they are run:</source>
        <translation>Prüfungen, in der Reihenfolge ihrer Durchführung:</translation>
    </message>
    <message>
        <source>Why? (%1)</source>
        <translation>Warum? (%1)</translation>
    </message>
    <message>
        <source> (in the use %1)</source>
        <translation> (in der Nutzung %1)</translation>
    </message>
    <message>
        <source> (in the uses %1)</source>
        <translation> (in den Nutzungen %1)</translation>
    </message>
    <message>
        <source>Words explained in the glossary:</source>
        <translation>Im Glossar erklärte Begriffe:</translation>
    </message>
    <message>
        <source>Glossary: %1</source>
        <translation>Glossar: %1</translation>
    </message>
    <message>
        <source>Answers that led to it:</source>
        <translation>Antworten, die dazu geführt haben:</translation>
    </message>
    <message>
        <source>Not asked, as earlier answers make them not apply: %1</source>
        <translation>Nicht gefragt, weil sie nach früheren Antworten nicht zutreffen: %1</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>Quellen: %1</translation>
    </message>
    <message>
        <source>None that block a decision.</source>
        <translation>Keine, die eine Entscheidung verhindern.</translation>
    </message>
    <message>
        <source>Information gaps (%1)</source>
        <translation>Informationslücken (%1)</translation>
    </message>
    <message>
        <source>Go to “%1”</source>
        <translation>Zu „%1“</translation>
    </message>
    <message>
        <source>No single change of answers found that improves it.</source>
        <translation>Keine einzelne Änderung der Antworten gefunden, die das Ergebnis verbessert.</translation>
    </message>
    <message>
        <source>What would change this? (%1)</source>
        <translation>Was würde das ändern? (%1)</translation>
    </message>
    <message>
        <source>Try this as a scenario</source>
        <translation>Als Szenario ausprobieren</translation>
    </message>
    <message>
        <source>Try this as a scenario:</source>
        <translation>Als Szenario ausprobieren:</translation>
    </message>
    <message>
        <source>Opens a copy of this assessment with this change made, in a window of its own beside this one. This assessment stays as it is.</source>
        <translation>Öffnet eine Kopie dieser Bewertung mit dieser Änderung in einem eigenen Fenster neben diesem. Diese Bewertung bleibt, wie sie ist.</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Glossary</source>
        <translation>Glossar</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search questions and glossary (Ctrl+F)</source>
        <translation>Fragen, Glossar (Strg+F)</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>questions, help and glossary</source>
        <translation>Fragen, Hilfe und Glossar</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Found:</source>
        <translation>Gefunden:</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
</context>
<context>
    <name>SectionList</name>
    <message>
        <source>Sections</source>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <source>Assessment details</source>
        <translation>Angaben zur Bewertung</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Earlier answers make this section irrelevant.</source>
        <translation>Frühere Antworten machen diesen Abschnitt gegenstandslos.</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>✓ answered</source>
        <translation>✓ beantwortet</translation>
    </message>
    <message>
        <source>✓ all %1 answered</source>
        <translation>✓ alle %1 beantwortet</translation>
    </message>
    <message>
        <source>%1 of %2 answered</source>
        <translation>%1 von %2 beantwortet</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>red line</source>
        <translation>rote Linie</translation>
    </message>
    <message>
        <source>fails</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>undetermined</source>
        <translation>nicht entschieden</translation>
    </message>
    <message>
        <source>conditional</source>
        <translation>unter Bedingungen</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>checked against the legal text</source>
        <translation>am Gesetzestext geprüft</translation>
    </message>
    <message>
        <source>checked against a secondary source only</source>
        <translation>nur an einer Sekundärquelle geprüft</translation>
    </message>
    <message>
        <source>not verified yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <source>not in the source table</source>
        <translation>nicht im Quellenverzeichnis</translation>
    </message>
</context>
<context>
    <name>SourcesDialog</name>
    <message>
        <source>Sources and glossary</source>
        <translation>Quellen und Glossar</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>id, title or article</source>
        <translation>Kennung, Titel oder Artikel</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Pinpoint</source>
        <translation>Fundstelle</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation>&amp;Quellen</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glossar</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Begriff</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>Quellen: %1</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>&amp;Glossar</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Judge a proposed biometric surveillance deployment before it is bought or switched on: answer what you know, mark what is not disclosed, and see at once which red lines and tests it meets — and why.</source>
        <translation>Beurteilen Sie einen geplanten Einsatz biometrischer Überwachung, bevor er gekauft oder eingeschaltet wird: Beantworten Sie, was Sie wissen, markieren Sie, was nicht offengelegt ist, und sehen Sie sofort, an welche roten Linien und Prüfungen er stößt – und warum.</translation>
    </message>
    <message>
        <source>&amp;New assessment</source>
        <translation>&amp;Neue Bewertung</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>Neue Bewertung</translation>
    </message>
    <message>
        <source>&amp;Questionnaire:</source>
        <translation>&amp;Fragebogen:</translation>
    </message>
    <message>
        <source>Questionnaire:</source>
        <translation>Fragebogen:</translation>
    </message>
    <message>
        <source>&amp;Open a file…</source>
        <translation>Datei &amp;öffnen …</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>Datei öffnen …</translation>
    </message>
    <message>
        <source>An assessment (.pia.json), or a PDF report made by pia-wizard: the assessment embedded in the report opens as a new document.</source>
        <translation>Eine Bewertung (.pia.json) oder ein mit pia-wizard erstellter PDF-Bericht: Die im Bericht eingebettete Bewertung öffnet sich als neues Dokument.</translation>
    </message>
    <message>
        <source>&amp;Recent files</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>No recent files.</source>
        <translation>Keine zuletzt geöffneten Dateien.</translation>
    </message>
    <message>
        <source>&amp;Clear recent files</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Clear recent files</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>E&amp;xamples (fictional; they open read-only)</source>
        <translation>B&amp;eispiele (erfunden; sie öffnen sich schreibgeschützt)</translation>
    </message>
    <message>
        <source>Examples (fictional; they open read-only)</source>
        <translation>Beispiele (erfunden; sie öffnen sich schreibgeschützt)</translation>
    </message>
    <message>
        <source>No examples are installed.</source>
        <translation>Es sind keine Beispiele installiert.</translation>
    </message>
    <message>
        <source>Your work is copied every 30 seconds to a recovery file that is deleted when you close the window normally. Notes marked private never leave this computer in an export.</source>
        <translation>Ihre Arbeit wird alle 30 Sekunden in eine Wiederherstellungsdatei kopiert, die beim normalen Schließen des Fensters gelöscht wird. Als privat markierte Notizen verlassen diesen Computer nie in einem Export.</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(fehlt)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Loading the questionnaires…</source>
        <translation>Die Fragebögen werden geladen …</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source>Untitled assessment</source>
        <translation>Unbenannte Bewertung</translation>
    </message>
    <message>
        <source>Judged as the rules stand on %1.</source>
        <translation>Beurteilt nach den Regeln, wie sie am %1 gelten.</translation>
    </message>
    <message>
        <source>Verdicts and why</source>
        <translation>Ergebnisse und Gründe</translation>
    </message>
    <message>
        <source>Do not cover this deployment: %1.</source>
        <translation>Nicht anwendbar auf diesen Einsatz: %1.</translation>
    </message>
    <message>
        <source>The answers they rest on</source>
        <translation>Die Antworten, auf denen sie beruhen</translation>
    </message>
    <message>
        <source>… and %1 more (see Why? in the verdicts pane).</source>
        <translation>… und %1 weitere (siehe „Warum?“ im Ergebnisbereich).</translation>
    </message>
    <message>
        <source>Open questions that matter most</source>
        <translation>Die wichtigsten offenen Fragen</translation>
    </message>
    <message>
        <source>Being worked out…</source>
        <translation>Wird ermittelt …</translation>
    </message>
    <message>
        <source>None that block a decision.</source>
        <translation>Keine, die eine Entscheidung verhindern.</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>Summary of the assessment</source>
        <translation>Zusammenfassung der Bewertung</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>note on “%1”</source>
        <translation>Notiz zu „%1“</translation>
    </message>
    <message>
        <source>evidence on “%1”</source>
        <translation>Nachweis zu „%1“</translation>
    </message>
    <message>
        <source>remove evidence from “%1”</source>
        <translation>Nachweis von „%1“ entfernen</translation>
    </message>
    <message>
        <source>add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>remove %1 %2</source>
        <translation>%1 %2 entfernen</translation>
    </message>
    <message>
        <source>answer “%1”</source>
        <translation>Antwort auf „%1“</translation>
    </message>
    <message>
        <source>“%1”: unknown</source>
        <translation>„%1“: unbekannt</translation>
    </message>
    <message>
        <source>clear “%1”</source>
        <translation>„%1“ löschen</translation>
    </message>
    <message>
        <source>details</source>
        <translation>Angaben</translation>
    </message>
</context>
<context>
    <name>Uses</name>
    <message>
        <source>Answering for the &amp;use:</source>
        <translation>Antworten für die &amp;Nutzung:</translation>
    </message>
    <message>
        <source>Use of the system shown</source>
        <translation>Angezeigte Nutzung des Systems</translation>
    </message>
    <message>
        <source>Add another use…</source>
        <translation>Weitere Nutzung hinzufügen …</translation>
    </message>
    <message>
        <source>Describe another way the same system is used, such as searching recorded footage beside live alerts: the questions asked for each use are then answered for it.</source>
        <translation>Beschreiben Sie eine weitere Art, wie dasselbe System genutzt wird, etwa die Suche in Aufnahmen neben Live-Alarmen: Die für jede Nutzung gestellten Fragen werden dann dafür beantwortet.</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen …</translation>
    </message>
    <message>
        <source>Rename this use</source>
        <translation>Diese Nutzung umbenennen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove this use and its answers</source>
        <translation>Diese Nutzung und ihre Antworten entfernen</translation>
    </message>
    <message>
        <source>Questions marked “asked for each use” are answered for the use chosen here; the others once for all uses.</source>
        <translation>Fragen mit dem Vermerk „für jede Nutzung gefragt“ werden für die hier gewählte Nutzung beantwortet, alle anderen einmal für alle Nutzungen.</translation>
    </message>
    <message>
        <source>Is the system used in more than one way (for example live alerts and searches of recordings)? Each way can be described as a use of its own.</source>
        <translation>Wird das System auf mehr als eine Art genutzt (zum Beispiel Live-Alarme und Suche in Aufnahmen)? Jede Art lässt sich als eigene Nutzung beschreiben.</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>RED LINE</source>
        <translation>ROTE LINIE</translation>
    </message>
    <message>
        <source>FAILS</source>
        <translation>NICHT BESTANDEN</translation>
    </message>
    <message>
        <source>NOT ENOUGH INFORMATION</source>
        <translation>ZU WENIG INFORMATIONEN</translation>
    </message>
    <message>
        <source>CONDITIONAL</source>
        <translation>UNTER BEDINGUNGEN</translation>
    </message>
    <message>
        <source>PASSES</source>
        <translation>BESTANDEN</translation>
    </message>
    <message>
        <source>DOES NOT APPLY</source>
        <translation>NICHT ANWENDBAR</translation>
    </message>
    <message>
        <source>Red line</source>
        <translation>Rote Linie</translation>
    </message>
    <message>
        <source>Fails</source>
        <translation>Nicht bestanden</translation>
    </message>
    <message>
        <source>Not enough information</source>
        <translation>Zu wenig Informationen</translation>
    </message>
    <message>
        <source>Conditional</source>
        <translation>Unter Bedingungen</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Does not apply</source>
        <translation>Nicht anwendbar</translation>
    </message>
    <message>
        <source>A red line is crossed.</source>
        <translation>Eine rote Linie ist überschritten.</translation>
    </message>
    <message>
        <source>A decisive test fails.</source>
        <translation>Eine entscheidende Prüfung ist nicht bestanden.</translation>
    </message>
    <message>
        <source>Something decisive is unknown: it cannot pass on what is known.</source>
        <translation>Etwas Entscheidendes ist unbekannt: Auf Grundlage des Bekannten kann es nicht bestehen.</translation>
    </message>
    <message>
        <source>Passes only once the planned safeguards are in place.</source>
        <translation>Erst bestanden, wenn die geplanten Schutzmaßnahmen umgesetzt sind.</translation>
    </message>
    <message>
        <source>Every decisive test passes on the evidence given.</source>
        <translation>Jede entscheidende Prüfung ist nach den vorliegenden Nachweisen bestanden.</translation>
    </message>
    <message>
        <source>This rulebook does not cover this deployment.</source>
        <translation>Dieses Regelwerk erfasst diesen Einsatz nicht.</translation>
    </message>
</context>
<context>
    <name>VerdictPane</name>
    <message>
        <source>Verdicts</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Summary…</source>
        <translation>Zusammenfassung …</translation>
    </message>
    <message>
        <source>of the assessment</source>
        <translation>der Bewertung</translation>
    </message>
    <message>
        <source>Verdicts, decisive reasons, their answers and the main open questions on one page</source>
        <translation>Ergebnisse, entscheidende Gründe, ihre Antworten und die wichtigsten offenen Fragen auf einer Seite</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Prüfung …</translation>
    </message>
    <message>
        <source>and sign-off of the assessment</source>
        <translation>und Freigabe der Bewertung</translation>
    </message>
    <message>
        <source>No rulebook is installed for this questionnaire yet, so there are no verdicts.</source>
        <translation>Für diesen Fragebogen ist noch kein Regelwerk installiert, daher gibt es keine Ergebnisse.</translation>
    </message>
    <message>
        <source>Inconsistent answers</source>
        <translation>Widersprüchliche Antworten</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>%1: now %2, was %3.</source>
        <translation>%1: jetzt %2, vorher %3.</translation>
    </message>
    <message>
        <source>Verdict changed.</source>
        <translation>Ergebnis geändert.</translation>
    </message>
    <message>
        <source>Go to “%1”</source>
        <translation>Zu „%1“</translation>
    </message>
    <message>
        <source>Is a DPIA indicated?</source>
        <translation>Ist eine Datenschutz-Folgenabschätzung (DSFA) angezeigt?</translation>
    </message>
</context>
</TS>
