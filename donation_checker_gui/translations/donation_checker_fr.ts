<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AssessmentPanel</name>
    <message>
        <location filename="../assessment_panel.py" line="+68"/>
        <location line="+62"/>
        <source>Verdict</source>
        <translation>Avis</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Score and data coverage</source>
        <translation>Note et couverture des données</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scores by family</source>
        <translation>Notes par famille</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Finding details</source>
        <translation>Détail du constat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a finding to see its evidence, its explanation and the inventory rows it used.</source>
        <translation>Sélectionnez un constat pour afficher ses éléments probants, son explication et les lignes d’inventaire sur lesquelles il s’appuie.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Assessment tables</source>
        <translation>Tableaux de l’évaluation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>Matériel offert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main finding</source>
        <translation>Constat principal</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+172"/>
        <source>Applies to</source>
        <translation>Concerne</translation>
    </message>
    <message>
        <location line="-171"/>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifts a blocking finding</source>
        <translation>Lève un critère éliminatoire</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Counter-proposal</source>
        <translation>Contre-proposition</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offered</source>
        <translation>Offert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absorbable</source>
        <translation>Absorbable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limiting factor</source>
        <translation>Facteur limitant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Better-fitting model</source>
        <translation>Modèle mieux adapté</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fleet impact</source>
        <translation>Effet sur le parc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Models before</source>
        <translation>Modèles avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Models after</source>
        <translation>Modèles après</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units before</source>
        <translation>Unités avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units after</source>
        <translation>Unités après</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New models</source>
        <translation>Nouveaux modèles</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+81"/>
        <source>Life-cycle cost</source>
        <translation>Coût sur le cycle de vie</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fuel</source>
        <translation>Carburant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance</source>
        <translation>Entretien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts</source>
        <translation>Pièces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget headroom</source>
        <translation>Marge budgétaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of headroom</source>
        <translation>Part de la marge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inventory rows used</source>
        <translation>Lignes d’inventaire utilisées</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Updating the assessment…</source>
        <translation>Mise à jour de l’évaluation…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Score {score} · data coverage {confidence}</source>
        <translation>Note {score} · couverture des données {confidence}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No verdict yet</source>
        <translation>Pas encore d’avis</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Weight {weight}</source>
        <translation>Poids {weight}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>CaseIO</name>
    <message>
        <location filename="../case_io.py" line="+42"/>
        <source>Save the case</source>
        <translation>Enregistrer le dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>case</source>
        <translation>dossier</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The case was not saved</source>
        <translation>Le dossier n’a pas été enregistré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} cannot be written: {error}</source>
        <translation>Impossible d’écrire {path}&#xa0;: {error}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Case saved: {path}</source>
        <translation>Dossier enregistré&#xa0;: {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a case</source>
        <translation>Ouvrir un dossier</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The current case has unsaved changes. Save them first?</source>
        <translation>Le dossier en cours comporte des modifications non enregistrées. Voulez-vous les enregistrer d’abord&#x202f;?</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+6"/>
        <source>The case cannot be opened</source>
        <translation>Impossible d’ouvrir le dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} cannot be read: {error}</source>
        <translation>Impossible de lire {path}&#xa0;: {error}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{path} is too large to be a case file.</source>
        <translation>{path} est trop volumineux pour être un dossier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a case file (it is not JSON text).</source>
        <translation>{path} n’est pas un dossier (ce n’est pas un texte JSON).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a Donation Checker case file.</source>
        <translation>{path} n’est pas un dossier Donation Checker.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} was saved by a newer version of Donation Checker; update the application to open it.</source>
        <translation>{path} a été enregistré par une version plus récente de Donation Checker&#x202f;; mettez l’application à jour pour l’ouvrir.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open case</source>
        <translation>Ouverture du dossier</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The inventory this case used is no longer at {path}. Open it again (File ▸ Open inventory).</source>
        <translation>L’inventaire utilisé par ce dossier ne se trouve plus à l’emplacement {path}. Ouvrez-le de nouveau (Fichier ▸ Ouvrir l’inventaire).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The case was opened with problems</source>
        <translation>Le dossier a été ouvert avec des anomalies</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The inventory has changed</source>
        <translation>L’inventaire a changé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is not the same file as when the case was saved (its SHA-256 differs). The assessment now uses the current file.</source>
        <translation>{path} n’est plus le fichier présent lors de l’enregistrement du dossier (son empreinte SHA-256 diffère). L’évaluation utilise désormais le fichier actuel.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Recover unsaved work?</source>
        <translation>Récupérer le travail non enregistré&#x202f;?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{date} at {time}</source>
        <translation>{date} à {time}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Donation Checker did not close normally. It saved work automatically on {when}, but that file cannot be read. Try to recover it?</source>
        <translation>Donation Checker ne s’est pas fermé normalement. Il a enregistré le travail automatiquement le {when}, mais ce fichier est illisible. Essayer de le récupérer&#x202f;?</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>the offer {reference} (%n line(s))</source>
        <translation>
            <numerusform>l’offre {reference} (%n ligne)</numerusform>
            <numerusform>l’offre {reference} (%n lignes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>an offer without a reference (%n line(s))</source>
        <translation>
            <numerusform>une offre sans référence (%n ligne)</numerusform>
            <numerusform>une offre sans référence (%n lignes)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the inventory {file}</source>
        <translation>l’inventaire {file}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no inventory</source>
        <translation>aucun inventaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Donation Checker did not close normally. On {when} it saved {offer} and {inventory}. Recover this work?</source>
        <translation>Donation Checker ne s’est pas fermé normalement. Le {when}, il a enregistré {offer} et {inventory}. Récupérer ce travail&#x202f;?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open a rule set</source>
        <translation>Ouvrir un jeu de règles</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+21"/>
        <source>Rule sets (*.toml)</source>
        <translation>Jeux de règles (*.toml)</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The rule set cannot be used</source>
        <translation>Le jeu de règles est inutilisable</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save as a new rule set</source>
        <translation>Enregistrer comme nouveau jeu de règles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>my-rules.toml</source>
        <translation>mes-regles.toml</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The rule set was not saved</source>
        <translation>Le jeu de règles n’a pas été enregistré</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rule set saved: {path}</source>
        <translation>Jeu de règles enregistré&#xa0;: {path}</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../register_case.py" line="+76"/>
        <location line="+105"/>
        <source>Choose a case in the list.</source>
        <translation>Choisissez un dossier dans la liste.</translation>
    </message>
    <message>
        <location line="-101"/>
        <location line="+8"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decision date</source>
        <translation>Date de la décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Reply reference</source>
        <translation>Référence de la réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the decision</source>
        <translation>Enregistrer la décision</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On</source>
        <translation>Le</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Condition status</source>
        <translation>Statut de la condition</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the status</source>
        <translation>Changer le statut</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What changed</source>
        <translation>Ce qui a changé</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The case cannot be opened</source>
        <translation>Le dossier ne peut pas être ouvert</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (version %2) — %3, %4, %5&lt;br&gt;Verdict: %6, score %7, data coverage %8. Status: %9.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (version %2) — %3, %4, %5&lt;br&gt;Avis&#xa0;: %6, note %7, couverture des données %8. Statut&#xa0;: %9.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>donor unknown</source>
        <translation>donateur inconnu</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Someone else changed this case</source>
        <translation>Quelqu’un d’autre a modifié ce dossier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The change was not saved</source>
        <translation>La modification n’a pas été enregistrée</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message>
        <location filename="../labels.py" line="+132"/>
        <source>{imported}, {rejected}.</source>
        <translation>{imported}, {rejected}.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln rows imported</source>
        <translation>
            <numerusform>%Ln ligne importée</numerusform>
            <numerusform>%Ln lignes importées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln rejected</source>
        <translation>
            <numerusform>%Ln rejetée</numerusform>
            <numerusform>%Ln rejetées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../register_dashboard.py" line="+111"/>
        <source>&lt;b&gt;Offers by donor and verdict&lt;/b&gt;</source>
        <translation>&lt;b&gt;Offres par donateur et par avis&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Conditions overdue&lt;/b&gt;</source>
        <translation>&lt;b&gt;Conditions en retard&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+39"/>
        <source>None.</source>
        <translation>Aucune.</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>&lt;b&gt;Portfolio load against capacity&lt;/b&gt;</source>
        <translation>&lt;b&gt;Charge du portefeuille face à la capacité&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the portfolio (inventory and rule set loaded) to see the load.</source>
        <translation>Lancez le portefeuille (inventaire et règles chargés) pour voir la charge.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>all years</source>
        <translation>toutes années</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Offers by donor and verdict (%1)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Offres par donateur et par avis (%1)&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (%2), condition %3, days late: %4</source>
        <translation>%1 (%2), condition %3, jours de retard&#xa0;: %4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>… and %1 more</source>
        <translation>… et %1 de plus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Offers still to come: %1. 100 % is all the free capacity.</source>
        <translation>Offres à venir&#xa0;: %1. 100&#x202f;% correspond à toute la capacité libre.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fit alone but not together: %1.</source>
        <translation>Acceptables seules mais pas ensemble&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../dialogs.py" line="+16"/>
        <source>Look in:</source>
        <translation>Regarder dans&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File name:</source>
        <translation>Nom du fichier&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of type:</source>
        <translation>Fichiers de type&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;All files (*)</source>
        <translation>Classeurs et tableaux (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Donation Checker cases (*.dcase *.json);;All files (*)</source>
        <translation>Dossiers Donation Checker (*.dcase *.json);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../errors.py" line="+98"/>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong: {error}

Your work is still open. The details were written to the log file:
{path}

Please send that file to your support contact.</source>
        <translation>Une erreur s’est produite&#xa0;: {error}

Votre travail reste ouvert. Le détail a été consigné dans le journal&#xa0;:
{path}

Veuillez transmettre ce fichier à votre correspondant du support.</translation>
    </message>
</context>
<context>
    <name>FrameModel</name>
    <message>
        <location filename="../table_models.py" line="+64"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../help_dialog.py" line="+23"/>
        <source>User guide</source>
        <translation>Guide de l’utilisateur</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../import_flow.py" line="+277"/>
        <source>The file cannot be read: {error}</source>
        <translation>Impossible de lire le fichier&#xa0;: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The import failed unexpectedly; the details are in the log file.</source>
        <translation>L’importation a échoué de façon inattendue&#x202f;; le détail figure dans le journal.</translation>
    </message>
</context>
<context>
    <name>InventoryPanel</name>
    <message>
        <location filename="../inventory_panel.py" line="+119"/>
        <source>Open inventory…</source>
        <translation>Ouvrir l’inventaire…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open inventory</source>
        <translation>Ouvrir l’inventaire</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import progress</source>
        <translation>Avancement de l’importation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the import</source>
        <translation>Annuler l’importation</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open the recipient&apos;s inventory workbook (File ▸ Open inventory, Ctrl+O) or drop it on this window.

Excel (.xlsx, .xls), OpenDocument (.ods) and CSV files are read.</source>
        <translation>Ouvrez le classeur d’inventaire du bénéficiaire (Fichier ▸ Ouvrir l’inventaire, Ctrl+O) ou déposez-le sur cette fenêtre.

Les fichiers Excel (.xlsx, .xls), OpenDocument (.ods) et CSV sont acceptés.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;Import report&lt;/b&gt;</source>
        <translation>&lt;b&gt;Compte rendu d’importation&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Map a sheet not imported…</source>
        <translation>Associer une feuille non importée…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map a sheet not imported</source>
        <translation>Associer une feuille non importée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tables imported</source>
        <translation>Tableaux importés</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rows not imported and warnings</source>
        <translation>Lignes non importées et avertissements</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Table shown</source>
        <translation>Tableau affiché</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter rows…</source>
        <translation>Filtrer les lignes…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter rows</source>
        <translation>Filtrer les lignes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Table:</source>
        <translation>Tableau&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inventory table</source>
        <translation>Tableau d’inventaire</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reading {file}… %p%</source>
        <translation>Lecture de {file}… %p&#x202f;%</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No inventory loaded.</source>
        <translation>Aucun inventaire chargé.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+25"/>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+25"/>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Header row</source>
        <translation>Ligne d’en-tête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>Importées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Rejetées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>Ignorées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns ignored</source>
        <translation>Colonnes ignorées</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Rows not imported, warnings and skipped rows&lt;/b&gt;</source>
        <translation>&lt;b&gt;Lignes non importées, avertissements et lignes ignorées&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every row was imported; nothing to report.</source>
        <translation>Toutes les lignes ont été importées&#x202f;; rien à signaler.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not found: {tables}</source>
        <translation>Non trouvés&#xa0;: {tables}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data not imported:</source>
        <translation>Données non importées&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sheets not recognised: {sheets}</source>
        <translation>Feuilles non reconnues&#xa0;: {sheets}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Columns proposed, not used until you confirm them:</source>
        <translation>Colonnes proposées, non utilisées tant que vous ne les confirmez pas&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>{shown} of %Ln rows</source>
        <translation>
            <numerusform>{shown} sur %Ln ligne</numerusform>
            <numerusform>{shown} sur %Ln lignes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>rejected</source>
        <translation>rejetée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>ignorée</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="-14"/>
        <source>{label}:</source>
        <translation>{label}&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{field}” {problem}</source>
        <translation>«&#xa0;{field}&#xa0;» {problem}</translation>
    </message>
</context>
<context>
    <name>LinesView</name>
    <message>
        <location filename="../offer_panel.py" line="+101"/>
        <source>Paste lines</source>
        <translation>Coller des lignes</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Clear cells</source>
        <translation>Effacer les cellules</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="+171"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Areas</source>
        <translation>Zones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Inventory</source>
        <translation>&amp;Inventaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Offer</source>
        <translation>&amp;Offre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Assessment</source>
        <translation>É&amp;valuation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rules</source>
        <translation>&amp;Règles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;port</source>
        <translation>Ra&amp;pport</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>&amp;Open inventory…</source>
        <translation>&amp;Ouvrir l’inventaire…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the recipient&apos;s inventory workbook</source>
        <translation>Ouvrir le classeur d’inventaire du bénéficiaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import offer…</source>
        <translation>&amp;Importer l’offre…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import the donor&apos;s offer from Excel or CSV</source>
        <translation>Importer l’offre du donateur depuis Excel ou CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New case</source>
        <translation>&amp;Nouveau dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;case…</source>
        <translation>Ouvrir un &amp;dossier…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save case</source>
        <translation>&amp;Enregistrer le dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save case &amp;as…</source>
        <translation>Enregistrer le dossier &amp;sous…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save report as &amp;PDF…</source>
        <translation>Enregistrer le rapport en &amp;PDF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export to &amp;Excel…</source>
        <translation>E&amp;xporter vers Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print report…</source>
        <translation>Imp&amp;rimer le rapport…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add offer line</source>
        <translation>A&amp;jouter une ligne à l’offre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Donation Checker</source>
        <translation>À &amp;propos de Donation Checker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User &amp;guide</source>
        <translation>&amp;Guide de l’utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;log folder</source>
        <translation>Ouvrir le dossier du &amp;journal</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;recent</source>
        <translation>Dossiers ré&amp;cents</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Open the inventory</source>
        <translation>Ouvrir l’inventaire</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import the offer</source>
        <translation>Importer l’offre</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Replace the offer lines?</source>
        <translation>Remplacer les lignes de l’offre&#x202f;?</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The %n offer line(s) not yet saved will be replaced by those of {file}. Edit › Undo brings them back.</source>
        <translation>
            <numerusform>%n ligne d’offre non enregistrée sera remplacée par celles de {file}. Édition › Annuler la rétablit.</numerusform>
            <numerusform>Les %n lignes d’offre non enregistrées seront remplacées par celles de {file}. Édition › Annuler les rétablit.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading {file}…</source>
        <translation>Lecture de {file}…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{file}: {counts}</source>
        <translation>{file}&#xa0;: {counts}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The inventory cannot be used</source>
        <translation>L’inventaire est inutilisable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The offer cannot be used</source>
        <translation>L’offre est inutilisable</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Importation annulée&#x202f;; rien n’a été modifié.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save the column mapping</source>
        <translation>Enregistrer la correspondance des colonnes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mapping (*.toml)</source>
        <translation>Correspondance (*.toml)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The shipped rule set is used instead.</source>
        <translation>Le jeu de règles fourni avec l’application est utilisé à la place.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The rule set cannot be used</source>
        <translation>Le jeu de règles est inutilisable</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The log folder cannot be shown</source>
        <translation>Le dossier du journal ne peut pas être affiché</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No file manager opened it. The log is in {folder}</source>
        <translation>Aucun gestionnaire de fichiers ne l’a ouvert. Le journal se trouve dans {folder}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>About Donation Checker</source>
        <translation>À propos de Donation Checker</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Donation Checker {version}

Decision support for in-kind equipment donations: does an offer fit the recipient&apos;s fleet, spare parts, workshops and budget?</source>
        <translation>Donation Checker {version}

Aide à la décision pour les dons de matériel en nature&#xa0;: l’offre est-elle adaptée au parc, aux pièces de rechange, aux ateliers et au budget du bénéficiaire&#x202f;?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Assessing…</source>
        <translation>Évaluation en cours…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No assessment</source>
        <translation>Aucune évaluation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verdict: {verdict}</source>
        <translation>Avis&#xa0;: {verdict}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New case</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This case has changes that are not saved. Save them before closing?</source>
        <translation>Ce dossier comporte des modifications non enregistrées. Voulez-vous les enregistrer avant de fermer&#x202f;?</translation>
    </message>
    <message>
        <location line="-522"/>
        <source>Re&amp;gister</source>
        <translation>Re&amp;gistre</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location filename="../mapping_dialog.py" line="+81"/>
        <source>Map the columns of {file}</source>
        <translation>Correspondance des colonnes de {file}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose the sheet and the row that holds the column headers, then say which column holds each field of the {table} table. Fields marked * are required.</source>
        <translation>Choisissez la feuille et la ligne qui contient les en-têtes de colonnes, puis indiquez quelle colonne contient chaque champ du tableau «&#xa0;{table}&#xa0;». Les champs marqués d’un * sont obligatoires.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Table:</source>
        <translation>Tableau&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(CSV file)</source>
        <translation>(fichier CSV)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+113"/>
        <source>Header row</source>
        <translation>Ligne d’en-tête</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Sheet:</source>
        <translation>Feuille&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header row:</source>
        <translation>Ligne d’en-tête&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sheet preview</source>
        <translation>Aperçu de la feuille</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Result (first lines):</source>
        <translation>Résultat (premières lignes)&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mapping result preview</source>
        <translation>Aperçu du résultat de la correspondance</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as file…</source>
        <translation>Enregistrer dans un fichier…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save this mapping as a file to share; use it with --map on the command line.</source>
        <translation>Enregistrer cette correspondance dans un fichier à partager&#x202f;; utilisable avec --map en ligne de commande.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>(not used)</source>
        <translation>(non utilisée)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Proposed by the import: confirm or change it.</source>
        <translation>Proposée par l’importation&#xa0;: confirmez-la ou modifiez-la.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Still to map: {fields}</source>
        <translation>Reste à attribuer&#xa0;: {fields}</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Column {columns} is used for more than one field.</source>
        <translation>
            <numerusform>La colonne {columns} est attribuée à plusieurs champs.</numerusform>
            <numerusform>Les colonnes {columns} sont chacune attribuées à plusieurs champs.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The file cannot be written: {error}</source>
        <translation>Impossible d’écrire le fichier&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>OfferLinesModel</name>
    <message>
        <location filename="../offer_model.py" line="+180"/>
        <source>Add line</source>
        <translation>Ajouter une ligne</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Duplicate lines</source>
        <translation>Dupliquer les lignes</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Edit {field}</source>
        <translation>Modifier «&#xa0;{field}&#xa0;»</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Delete lines</source>
        <translation>Supprimer les lignes</translation>
    </message>
</context>
<context>
    <name>OfferPanel</name>
    <message>
        <location filename="../offer_panel.py" line="+26"/>
        <source>Offer</source>
        <translation>Offre</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Officer&apos;s notes:</source>
        <translation>Notes de l’officier traitant&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Officer&apos;s notes</source>
        <translation>Notes de l’officier traitant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes kept with the case (not in the report)</source>
        <translation>Notes conservées dans le dossier (absentes du rapport)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add line</source>
        <translation>Ajouter une ligne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import lines from Excel/CSV…</source>
        <translation>Importer des lignes (Excel/CSV)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste from Excel</source>
        <translation>Coller depuis Excel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste a block of cells copied from a spreadsheet (Ctrl+V in the table)</source>
        <translation>Coller un bloc de cellules copié depuis un tableur (Ctrl+V dans le tableau)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Offer lines</source>
        <translation>Lignes de l’offre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Columns marked * are required. A cell in red cannot be read: hover over it to see why. Lines with a red required cell are left out of the assessment.</source>
        <translation>Les colonnes marquées d’un * sont obligatoires. Une cellule en rouge est illisible&#xa0;: survolez-la pour en connaître la raison. Les lignes dont une cellule obligatoire est en rouge sont exclues de l’évaluation.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not stated</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. 12/03/2026</source>
        <translation>p. ex. 12/03/2026</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Import lines</source>
        <translation>Importation des lignes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{lines}, {complete}</source>
        <translation>{lines}, {complete}</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln lines</source>
        <translation>
            <numerusform>%Ln ligne</numerusform>
            <numerusform>%Ln lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%Ln complete</source>
        <translation>
            <numerusform>%Ln complète</numerusform>
            <numerusform>%Ln complètes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln cells to check</source>
        <translation>
            <numerusform>%Ln cellule à vérifier</numerusform>
            <numerusform>%Ln cellules à vérifier</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegisterPanel</name>
    <message>
        <location filename="../register_panel.py" line="+76"/>
        <location line="+110"/>
        <source>Register: opening…</source>
        <translation>Registre&#xa0;: ouverture…</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>Record the current assessment</source>
        <translation>Enregistrer l’évaluation en cours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply letter…</source>
        <translation>Lettre de réponse…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+384"/>
        <source>Portfolio</source>
        <translation>Portefeuille</translation>
    </message>
    <message>
        <location line="-382"/>
        <source>All offers still to come, from every donor, against the capacity</source>
        <translation>Toutes les offres à venir, de tous les donateurs, face à la capacité</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <source>Donor</source>
        <translation>Donateur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Category (truck, ambulance…)</source>
        <translation>Catégorie (camion, ambulance…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verdict</source>
        <translation>Avis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any verdict</source>
        <translation>Tout avis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any year</source>
        <translation>Toute année</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Register: %1</source>
        <translation>Registre&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The register cannot be read</source>
        <translation>Le registre ne peut pas être lu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cases: %1 of %2</source>
        <translation>Dossiers&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 saved.</source>
        <translation>%1 enregistré.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Register: cannot be opened</source>
        <translation>Registre&#xa0;: impossible à ouvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register</source>
        <translation>Registre</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>donor unknown</source>
        <translation>donateur inconnu</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Nothing to record</source>
        <translation>Rien à enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no assessment yet: load an inventory and an offer first.</source>
        <translation>Il n’y a pas encore d’évaluation&#xa0;: chargez d’abord un inventaire et une offre.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Recorded as %1.</source>
        <translation>Enregistré sous %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export the register</source>
        <translation>Exporter le registre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Classeurs Excel (*.xlsx);;Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cases exported: %1, to %2.</source>
        <translation>Dossiers exportés&#xa0;: %1, dans %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reply letter</source>
        <translation>Lettre de réponse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose a case first.</source>
        <translation>Choisissez d’abord un dossier.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the reply letter</source>
        <translation>Enregistrer la lettre de réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf);;Word documents (*.docx)</source>
        <translation>Documents PDF (*.pdf);;Documents Word (*.docx)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reply letter saved: %1</source>
        <translation>Lettre de réponse enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Load the inventory first: the portfolio is measured against it.</source>
        <translation>Chargez d’abord l’inventaire&#xa0;: le portefeuille est mesuré par rapport à lui.</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <location filename="../report_panel.py" line="+72"/>
        <source>Shareable version</source>
        <translation>Version partageable</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shows the recipient&apos;s holdings and locations only as bands, for sending outside the ministry</source>
        <translation>N’indique les effectifs et implantations du bénéficiaire que par tranches, pour une diffusion hors du ministère</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Protective marking</source>
        <translation>Mention de protection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export to Excel…</source>
        <translation>Exporter vers Excel…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Marking:</source>
        <translation>Mention&#xa0;:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Report preview</source>
        <translation>Aperçu du rapport</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>Open in the PDF viewer</source>
        <translation>Ouvrir dans la visionneuse PDF</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The report appears here once there is an assessment.</source>
        <translation>Le rapport s’affichera ici dès qu’une évaluation sera disponible.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Preparing the report…</source>
        <translation>Préparation du rapport…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The report is ready ({size} KB). An in-application preview needs the optional PySide6-Pdf package; meanwhile open the report in your PDF viewer, or save it.</source>
        <translation>Le rapport est prêt ({size}&#xa0;Ko). L’aperçu dans l’application nécessite le module facultatif PySide6-Pdf&#x202f;; en attendant, ouvrez le rapport dans votre visionneuse PDF ou enregistrez-le.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The file cannot be written: {error}</source>
        <translation>Impossible d’écrire le fichier&#xa0;: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The report could not be produced; the details are in the log file.</source>
        <translation>Le rapport n’a pas pu être établi&#x202f;; le détail figure dans le journal.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>assessment</source>
        <translation>evaluation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}-shareable</source>
        <translation>{name}-partageable</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save the report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Report saved: {path}</source>
        <translation>Rapport enregistré&#xa0;: {path}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export to Excel</source>
        <translation>Exporter vers Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Workbook saved: {path}</source>
        <translation>Classeur enregistré&#xa0;: {path}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+29"/>
        <source>The report is still being prepared; try again in a moment.</source>
        <translation>Le rapport est encore en préparation&#x202f;; réessayez dans un instant.</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>The report could not be written to a temporary folder ({error}). Save it with “Save PDF…” and open it from there.</source>
        <translation>Le rapport n’a pas pu être écrit dans un dossier temporaire ({error}). Enregistrez-le avec «&#xa0;Enregistrer en PDF…&#xa0;» et ouvrez-le depuis cet emplacement.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No PDF viewer could open the report. It was written to {path}; open it from there, or save it with “Save PDF…”.</source>
        <translation>Aucune visionneuse PDF n’a pu ouvrir le rapport. Il a été écrit dans {path}&#x202f;; ouvrez-le depuis cet emplacement ou enregistrez-le avec «&#xa0;Enregistrer en PDF…&#xa0;».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Report opened in your PDF viewer: {path}</source>
        <translation>Rapport ouvert dans votre visionneuse PDF&#xa0;: {path}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Report not opened</source>
        <translation>Rapport non ouvert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The report was opened in your PDF viewer for printing.</source>
        <translation>Le rapport a été ouvert dans votre visionneuse PDF pour impression.</translation>
    </message>
    <message>
        <location line="-309"/>
        <source>Record in the register</source>
        <translation>Enregistrer au registre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new case in the register, with this assessment, its offer and conditions</source>
        <translation>Un nouveau dossier au registre, avec cette évaluation, son offre et ses conditions</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <location filename="../rules_panel.py" line="+71"/>
        <source>Open rule set…</source>
        <translation>Ouvrir un jeu de règles…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as new rule set…</source>
        <translation>Enregistrer comme nouveau jeu…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore defaults</source>
        <translation>Rétablir les valeurs par défaut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put every family weight back to the rule set&apos;s value</source>
        <translation>Remettre chaque poids de famille à la valeur du jeu de règles</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rule sets to choose from</source>
        <translation>Jeux de règles au choix</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rule sets:</source>
        <translation>Jeux de règles&#xa0;:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Family weights (what-if)</source>
        <translation>Poids des familles (simulation)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Moving a slider re-runs the assessment with that weight. The rule file is not changed until you save it as a new rule set.</source>
        <translation>Déplacer un curseur relance l’évaluation avec ce poids. Le fichier de règles n’est pas modifié tant que vous ne l’enregistrez pas comme nouveau jeu de règles.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New rule sets are saved in your folder ({folder}) with the comments of the file they came from; one named default.toml there replaces the shipped default.</source>
        <translation>Les nouveaux jeux de règles sont enregistrés dans votre dossier ({folder}) avec les commentaires du fichier d’origine&#x202f;; celui qui s’y nomme default.toml remplace le jeu livré par défaut.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rule kind and parameters</source>
        <translation>Type de règle et paramètres</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>your folder</source>
        <translation>votre dossier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>shipped</source>
        <translation>livré</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Rule set: {name}</source>
        <translation>Jeu de règles&#xa0;: {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No rule set loaded.</source>
        <translation>Aucun jeu de règles chargé.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Weight of {family}</source>
        <translation>Poids de la famille «&#xa0;{family}&#xa0;»</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Knock-out</source>
        <translation>Éliminatoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Select a rule to see what its kind measures.</source>
        <translation>Sélectionnez une règle pour voir ce que mesure son type.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{rule}: {kind} ({identifier})</source>
        <translation>{rule}&#xa0;: {kind} ({identifier})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Source: {source}</source>
        <translation>Source&#xa0;: {source}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameters:</source>
        <translation>Paramètres&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the rule set&apos;s value</source>
        <translation>valeur du jeu de règles</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../session.py" line="+197"/>
        <source>The assessment engine is not available in this installation.</source>
        <translation>Le moteur d’évaluation n’est pas disponible dans cette installation.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No rule set is loaded.</source>
        <translation>Aucun jeu de règles n’est chargé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the recipient&apos;s inventory to see the assessment.</source>
        <translation>Ouvrez l’inventaire du bénéficiaire pour afficher l’évaluation.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No offer line is complete yet: {fields} are required.</source>
        <translation>Aucune ligne d’offre n’est encore complète&#xa0;: {fields} sont obligatoires.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add offer lines or import the donor&apos;s offer to see the assessment.</source>
        <translation>Ajoutez des lignes à l’offre ou importez l’offre du donateur pour afficher l’évaluation.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The assessment failed unexpectedly; see the log file.</source>
        <translation>L’évaluation a échoué de façon inattendue&#x202f;; consultez le journal.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="+33"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. RESTRICTED / DIFFUSION RESTREINTE</source>
        <translation>p. ex. DIFFUSION RESTREINTE / RESTRICTED</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shipped default rule set</source>
        <translation>Jeu de règles fourni par défaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ISO codes (XOF, XAF, EUR…)</source>
        <translation>Codes ISO (XOF, XAF, EUR…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CFA francs as FCFA</source>
        <translation>Francs CFA notés FCFA</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officer name:</source>
        <translation>Nom de l’officier traitant&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation:</source>
        <translation>Organisme&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protective marking:</source>
        <translation>Mention de protection&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default rule set:</source>
        <translation>Jeu de règles par défaut&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency display:</source>
        <translation>Affichage des devises&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your files:</source>
        <translation>Vos fichiers&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officer name</source>
        <translation>Nom de l’officier traitant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protective marking</source>
        <translation>Mention de protection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default rule set</source>
        <translation>Jeu de règles par défaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency display</source>
        <translation>Affichage des devises</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Your files</source>
        <translation>Vos fichiers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rule sets (rules/*.toml), column spellings (fields.toml), make and model aliases (aliases.toml) and report wordings (messages.toml) put here are used over the shipped ones.</source>
        <translation>Les jeux de règles (rules/*.toml), les intitulés de colonnes (fields.toml), les alias de marques et modèles (aliases.toml) et les libellés du rapport (messages.toml) placés ici l’emportent sur ceux livrés.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Set aside: {problem}</source>
        <translation>Écarté&#xa0;: {problem}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose a rule set</source>
        <translation>Choisir un jeu de règles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule sets (*.toml)</source>
        <translation>Jeux de règles (*.toml)</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>This computer’s register file</source>
        <translation>Le fichier registre de cet ordinateur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Empty: a register file in your data folder. A shared register: postgresql://user@server/database — the password stays in the PostgreSQL password or service file, never here.</source>
        <translation>Vide&#xa0;: un fichier registre dans votre dossier de données. Un registre partagé&#xa0;: postgresql://utilisateur@serveur/base — le mot de passe reste dans le fichier de mots de passe ou de service de PostgreSQL, jamais ici.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Register:</source>
        <translation>Registre&#xa0;:</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+68"/>
        <source>Register</source>
        <translation>Registre</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../labels.py" line="-86"/>
        <source>Pass</source>
        <translation>Conforme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Réserve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fail</source>
        <translation>Non conforme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
</context>
<context>
    <name>Table</name>
    <message>
        <location line="-22"/>
        <source>Fleet</source>
        <translation>Parc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spare parts</source>
        <translation>Pièces de rechange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personnel</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partners&apos; pledges</source>
        <translation>Engagements des partenaires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer lines</source>
        <translation>Lignes de l’offre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer header</source>
        <translation>En-tête de l’offre</translation>
    </message>
</context>
<context>
    <name>Value</name>
    <message>
        <location line="+23"/>
        <source>new</source>
        <translation>neuf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>used</source>
        <translation>occasion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>diesel</source>
        <translation>gazole</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>petrol</source>
        <translation>essence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jet fuel</source>
        <translation>kérosène</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>electric</source>
        <translation>électrique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LPG</source>
        <translation>GPL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hybrid</source>
        <translation>hybride</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mains</source>
        <translation>secteur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>LHD</source>
        <translation>gauche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RHD</source>
        <translation>droite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>manual</source>
        <translation>manuelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mechanical</source>
        <translation>mécanique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>electronic</source>
        <translation>électronique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>digital</source>
        <translation>numérique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>clean</source>
        <translation>conforme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>defects labelled</source>
        <translation>défauts étiquetés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>defects</source>
        <translation>défauts</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+20"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location line="-49"/>
        <source>Accept</source>
        <translation>Acceptation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept with conditions</source>
        <translation>Acceptation sous conditions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redirect</source>
        <translation>Réorientation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decline</source>
        <translation>Refus</translation>
    </message>
</context>
</TS>
