<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>FigureExport</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the PDF could not be started.</source>
        <translation>das PDF konnte nicht begonnen werden.</translation>
    </message>
    <message>
        <source>A figure needs a positive size and resolution.</source>
        <translation>Eine Abbildung braucht eine positive Größe und Auflösung.</translation>
    </message>
</context>
<context>
    <name>LabelDisplay</name>
    <message>
        <source>Teff (K)</source>
        <translation>Teff (K)</translation>
    </message>
    <message>
        <source>log g (dex)</source>
        <translation>log g (dex)</translation>
    </message>
    <message>
        <source>[Fe/H] (dex)</source>
        <translation>[Fe/H] (dex)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>could not write the screenshot %1</source>
        <translation>Bildschirmfoto %1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>StarLocus: data-driven stellar models after Green et al. (Data-Driven Stellar Models).</source>
        <translation>StarLocus: datengetriebene Sternmodelle nach Green et al. (Data-Driven Stellar Models).</translation>
    </message>
    <message>
        <source>Open a stellar model (Keras .h5 or StarLocus model file).</source>
        <translation>Ein Sternmodell öffnen (Keras-.h5 oder StarLocus-Modelldatei).</translation>
    </message>
    <message>
        <source>Normalisation JSON of a Keras model (default: found beside it).</source>
        <translation>Normierungs-JSON eines Keras-Modells (Standard: daneben gesucht).</translation>
    </message>
    <message>
        <source>Open a catalog in the Green et al. HDF5 layout.</source>
        <translation>Einen Katalog im HDF5-Format von Green et al. öffnen.</translation>
    </message>
    <message>
        <source>Open the files, save a PNG of the main window to FILE and quit.</source>
        <translation>Die Dateien öffnen, ein PNG des Hauptfensters in FILE speichern und beenden.</translation>
    </message>
    <message>
        <source>--normalization needs --model</source>
        <translation>--normalization benötigt --model</translation>
    </message>
    <message>
        <source>the view %1 cannot be shown (the explorer needs a model)</source>
        <translation>die Ansicht %1 kann nicht gezeigt werden (der Explorer braucht ein Modell)</translation>
    </message>
    <message>
        <source>Show the view NAME once the files are open: %1.</source>
        <translation>Die Ansicht NAME zeigen, sobald die Dateien geöffnet sind: %1.</translation>
    </message>
    <message>
        <source>unknown view %1 (known: %2)</source>
        <translation>unbekannte Ansicht %1 (bekannt: %2)</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::AboutDialog</name>
    <message>
        <source>&lt;h2&gt;StarLocus %1&lt;/h2&gt;&lt;p&gt;StarLocus reproduces the data-driven stellar models of Green et al.: a small neural network that maps spectroscopic labels (T&lt;sub&gt;eff&lt;/sub&gt;, log g, [Fe/H]) to absolute magnitudes in 13 passbands (Gaia G, BP, RP; Pan-STARRS 1 grizy; 2MASS J, H, K&lt;sub&gt;s&lt;/sub&gt;; unWISE W1, W2), learned jointly with a T&lt;sub&gt;eff&lt;/sub&gt;-dependent dust extinction vector R from stars with spectroscopic labels, Gaia parallaxes and multi-band photometry.&lt;/p&gt;&lt;p&gt;&lt;b&gt;If you use StarLocus, please cite the paper:&lt;/b&gt;&lt;br&gt;%2&lt;/p&gt;&lt;p&gt;The published trained model and test data (DOI: &lt;a href=&quot;https://doi.org/10.5281/zenodo.3902382&quot;&gt;10.5281/zenodo.3902382&lt;/a&gt;) are © 2020 Gregory Green and distributed under the MIT License.&lt;/p&gt;&lt;p&gt;Built with Qt %3 (running on Qt %4), used under the GNU LGPL version 3.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;StarLocus %1&lt;/h2&gt;&lt;p&gt;StarLocus reproduziert die datengetriebenen Sternmodelle von Green et al.: ein kleines neuronales Netz, das spektroskopische Parameter (T&lt;sub&gt;eff&lt;/sub&gt;, log g, [Fe/H]) auf absolute Helligkeiten in 13 Passbändern abbildet (Gaia G, BP, RP; Pan-STARRS 1 grizy; 2MASS J, H, K&lt;sub&gt;s&lt;/sub&gt;; unWISE W1, W2) und gemeinsam damit einen von T&lt;sub&gt;eff&lt;/sub&gt; abhängigen Extinktionsvektor R des Staubs lernt, aus Sternen mit spektroskopischen Parametern, Gaia-Parallaxen und Mehrband-Photometrie.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Wenn Sie StarLocus verwenden, zitieren Sie bitte die Veröffentlichung:&lt;/b&gt;&lt;br&gt;%2&lt;/p&gt;&lt;p&gt;Das veröffentlichte trainierte Modell und die Testdaten (DOI: &lt;a href=&quot;https://doi.org/10.5281/zenodo.3902382&quot;&gt;10.5281/zenodo.3902382&lt;/a&gt;) sind © 2020 Gregory Green und stehen unter der MIT-Lizenz.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %3 (läuft mit Qt %4), verwendet unter der GNU LGPL Version 3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About StarLocus</source>
        <translation>Über StarLocus</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::CatalogSummaryPanel</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>No catalog is open. A catalog holds, per star, spectroscopic labels (Teff, log g, [Fe/H]), apparent magnitudes in up to 13 bands (Gaia, Pan-STARRS 1, 2MASS, unWISE), a parallax and a reddening prior. Open a file in the published Green et al. HDF5 layout, e.g. green2020_test_data_small.h5.</source>
        <translation>Kein Katalog geöffnet. Ein Katalog enthält je Stern spektroskopische Parameter (Teff, log g, [Fe/H]), scheinbare Helligkeiten in bis zu 13 Bändern (Gaia, Pan-STARRS 1, 2MASS, unWISE), eine Parallaxe und einen Prior für die Rötung. Öffnen Sie eine Datei im veröffentlichten HDF5-Format von Green et al., z. B. green2020_test_data_small.h5.</translation>
    </message>
    <message>
        <source>Open Catalog…</source>
        <translation>Katalog öffnen…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Stars:</source>
        <translation>Sterne:</translation>
    </message>
    <message>
        <source>Reddening posterior (r_fit):</source>
        <translation>Rötungs-Posterior (r_fit):</translation>
    </message>
    <message>
        <source>Spectroscopic labels</source>
        <translation>Spektroskopische Parameter</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>Reddening prior source (r_source)</source>
        <translation>Quelle des Rötungs-Priors (r_source)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Sterne</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Label source (atm_source)</source>
        <translation>Quelle der Parameter (atm_source)</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Durchmusterung</translation>
    </message>
    <message>
        <source>Observed magnitudes per band</source>
        <translation>Beobachtete Helligkeiten je Band</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Band</translation>
    </message>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>nicht vorhanden</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::ExplorerCmdPlot</name>
    <message>
        <source>%1 K</source>
        <translation>%1 K</translation>
    </message>
    <message>
        <source>log g %1</source>
        <translation>log g %1</translation>
    </message>
    <message>
        <source>%1 − %2</source>
        <translation>%1 − %2</translation>
    </message>
    <message>
        <source>mag</source>
        <translation>mag</translation>
    </message>
    <message>
        <source>M_%1</source>
        <translation>M_%1</translation>
    </message>
    <message>
        <source>catalog stars per bin (predicted, E = 0)</source>
        <translation>Katalogsterne pro Bin (vorhergesagt, E = 0)</translation>
    </message>
    <message>
        <source>catalog stars (predicted, E = 0)</source>
        <translation>Katalogsterne (vorhergesagt, E = 0)</translation>
    </message>
    <message>
        <source>this star (M + E·R)</source>
        <translation>dieser Stern (M + E·R)</translation>
    </message>
    <message>
        <source>Teff varied</source>
        <translation>Teff variiert</translation>
    </message>
    <message>
        <source>log g varied</source>
        <translation>log g variiert</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Farbe:</translation>
    </message>
    <message>
        <source>&amp;Magnitude:</source>
        <translation>&amp;Helligkeit:</translation>
    </message>
    <message>
        <source>Colour = this band − the next one</source>
        <translation>Farbe = dieses Band − das nächste</translation>
    </message>
    <message>
        <source>Absolute magnitude on the vertical axis</source>
        <translation>Absolute Helligkeit auf der senkrechten Achse</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::ExplorerLabelControls</name>
    <message>
        <source>T&lt;sub&gt;eff&lt;/sub&gt;</source>
        <translation>T&lt;sub&gt;eff&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>log g</source>
        <translation>log g</translation>
    </message>
    <message>
        <source>[Fe/H]</source>
        <translation>[Fe/H]</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source> K</source>
        <translation> K</translation>
    </message>
    <message>
        <source> dex</source>
        <translation> dex</translation>
    </message>
    <message>
        <source>Effective temperature</source>
        <translation>Effektivtemperatur</translation>
    </message>
    <message>
        <source>Surface gravity, log of g in cm s⁻²</source>
        <translation>Oberflächenschwerebeschleunigung, Logarithmus von g in cm s⁻²</translation>
    </message>
    <message>
        <source>Metallicity</source>
        <translation>Metallizität</translation>
    </message>
    <message>
        <source>Reddening E, on the scale of the catalog&apos;s Ê (Bayestar19/SFD); the extinction is A = E·R</source>
        <translation>Rötung E auf der Skala des Katalogwerts Ê (Bayestar19/SFD); die Extinktion ist A = E·R</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::ExplorerPredictionModel</name>
    <message>
        <source>%1 (%2 magnitudes)</source>
        <translation>%1 (%2-Magnituden)</translation>
    </message>
    <message>
        <source>%1 (sparse)</source>
        <translation>%1 (dünn besetzt)</translation>
    </message>
    <message>
        <source>Few training stars near these labels in this band: the prediction is not backed by data (density below %1 of the peak).</source>
        <translation>Wenige Trainingssterne nahe diesen Parametern in diesem Band: Die Vorhersage ist nicht durch Daten gestützt (Dichte unter %1 des Maximums).</translation>
    </message>
    <message>
        <source>Density of training stars near these labels, relative to the peak (1).</source>
        <translation>Dichte der Trainingssterne nahe diesen Parametern, relativ zum Maximum (1).</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Band</translation>
    </message>
    <message>
        <source>M + E·R [mag]</source>
        <translation>M + E·R [mag]</translation>
    </message>
    <message>
        <source>band − G [mag]</source>
        <translation>Band − G [mag]</translation>
    </message>
    <message>
        <source>R = A/E</source>
        <translation>R = A/E</translation>
    </message>
    <message>
        <source>Training density</source>
        <translation>Trainingsdichte</translation>
    </message>
    <message>
        <source>Absolute magnitude with the reddening applied: M(θ) + E·R(θ) (Eq. 2 at μ = 0)</source>
        <translation>Absolute Helligkeit mit Rötung: M(θ) + E·R(θ) (Gl. 2 bei μ = 0)</translation>
    </message>
    <message>
        <source>Colour against Gaia G of M + E·R (the c-space entries of Eq. 5)</source>
        <translation>Farbe gegen Gaia G von M + E·R (die Einträge im c-Raum, Gl. 5)</translation>
    </message>
    <message>
        <source>Extinction per unit reddening in each band: A = E·R</source>
        <translation>Extinktion pro Einheit Rötung in jedem Band: A = E·R</translation>
    </message>
    <message>
        <source>Density of training stars in θ for this band, peak = 1 (§7); below 0.01 the model is not backed by data</source>
        <translation>Dichte der Trainingssterne in θ für dieses Band, Maximum = 1 (§7); unter 0,01 ist das Modell nicht durch Daten gestützt</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::ExplorerView</name>
    <message>
        <source>Open a stellar model to explore what it predicts for any T&lt;sub&gt;eff&lt;/sub&gt;, log g, [Fe/H] and reddening E.</source>
        <translation>Öffnen Sie ein Sternmodell, um zu sehen, was es für beliebige T&lt;sub&gt;eff&lt;/sub&gt;, log g, [Fe/H] und Rötung E vorhersagt.</translation>
    </message>
    <message>
        <source>Stellar labels and reddening</source>
        <translation>Sternparameter und Rötung</translation>
    </message>
    <message>
        <source>Predicted absolute magnitudes (μ = 0)</source>
        <translation>Vorhergesagte absolute Helligkeiten (μ = 0)</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::MainWindow</name>
    <message>
        <source>StarLocus</source>
        <translation>StarLocus</translation>
    </message>
    <message>
        <source>Normalisation JSON for %1</source>
        <translation>Normierungs-JSON für %1</translation>
    </message>
    <message>
        <source>Normalisation JSON (*.json);;All files (*)</source>
        <translation>Normierungs-JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open &amp;Model…</source>
        <translation>&amp;Modell öffnen…</translation>
    </message>
    <message>
        <source>Open a Keras stellar model (.h5) or a StarLocus model file</source>
        <translation>Ein Keras-Sternmodell (.h5) oder eine StarLocus-Modelldatei öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Catalog…</source>
        <translation>&amp;Katalog öffnen…</translation>
    </message>
    <message>
        <source>Open a catalog of stars in the Green et al. HDF5 layout</source>
        <translation>Einen Sternkatalog im HDF5-Format von Green et al. öffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit StarLocus</source>
        <translation>StarLocus beenden</translation>
    </message>
    <message>
        <source>&amp;About StarLocus</source>
        <translation>&amp;Über StarLocus</translation>
    </message>
    <message>
        <source>Version, the paper to cite and licences</source>
        <translation>Version, zu zitierende Veröffentlichung und Lizenzen</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Show &amp;Tool Bar</source>
        <translation>&amp;Werkzeugleiste anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Status Bar</source>
        <translation>&amp;Statusleiste anzeigen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Opening model %1…</source>
        <translation>Modell %1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Opening catalog %1…</source>
        <translation>Katalog %1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Model %1 opened: %2 parameters.</source>
        <translation>Modell %1 geöffnet: %2 Parameter.</translation>
    </message>
    <message>
        <source>Catalog %1 opened: %2 stars.</source>
        <translation>Katalog %1 geöffnet: %2 Sterne.</translation>
    </message>
    <message>
        <source>Could not open model %1.</source>
        <translation>Modell %1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Could not open model</source>
        <translation>Modell konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Could not open catalog %1.</source>
        <translation>Katalog %1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Could not open catalog</source>
        <translation>Katalog konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <source>Stellar models (*.h5 *.hdf5);;All files (*)</source>
        <translation>Sternmodelle (*.h5 *.hdf5);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Catalog</source>
        <translation>Katalog öffnen</translation>
    </message>
    <message>
        <source>HDF5 catalogs (*.h5 *.hdf5);;All files (*)</source>
        <translation>HDF5-Kataloge (*.h5 *.hdf5);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Ready. Open a model (%1) or a catalog (%2).</source>
        <translation>Bereit. Öffnen Sie ein Modell (%1) oder einen Katalog (%2).</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>Catalog: %1</source>
        <translation>Katalog: %1</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Explorer</source>
        <translation>Explorer</translation>
    </message>
    <message>
        <source>Predictions of the model for any stellar labels</source>
        <translation>Vorhersagen des Modells für beliebige Sternparameter</translation>
    </message>
    <message>
        <source>Open a stellar model to explore it</source>
        <translation>Öffnen Sie ein Sternmodell, um es zu erkunden</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::ModelSummaryPanel</name>
    <message>
        <source>Keras model file (imported)</source>
        <translation>Keras-Modelldatei (importiert)</translation>
    </message>
    <message>
        <source>Trained with StarLocus</source>
        <translation>Mit StarLocus trainiert</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht vermerkt</translation>
    </message>
    <message>
        <source>Stellar model</source>
        <translation>Sternmodell</translation>
    </message>
    <message>
        <source>No model is open. A stellar model maps (Teff, log g, [Fe/H]) to absolute magnitudes in 13 passbands and to the extinction vector R. Open the published Keras model (green2020_nn_model.h5 with its normalisation JSON) or a StarLocus model file.</source>
        <translation>Kein Modell geöffnet. Ein Sternmodell bildet (Teff, log g, [Fe/H]) auf absolute Helligkeiten in 13 Passbändern und auf den Extinktionsvektor R ab. Öffnen Sie das veröffentlichte Keras-Modell (green2020_nn_model.h5 mit seinem Normierungs-JSON) oder eine StarLocus-Modelldatei.</translation>
    </message>
    <message>
        <source>Open Model…</source>
        <translation>Modell öffnen…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Origin:</source>
        <translation>Herkunft:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Normalisation:</source>
        <translation>Normierung:</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Netz:</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>Parameter:</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Label normalisation  x = (θ − θ_med) / θ_std</source>
        <translation>Normierung der Parameter  x = (θ − θ_med) / θ_std</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>θ_med</source>
        <translation>θ_med</translation>
    </message>
    <message>
        <source>θ_std</source>
        <translation>θ_std</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>stored in the model file</source>
        <translation>in der Modelldatei gespeichert</translation>
    </message>
    <message>
        <source>stellar sector %1; extinction sector %2 → %3</source>
        <translation>Sternsektor %1; Extinktionssektor %2 → %3</translation>
    </message>
    <message>
        <source>stellar, hidden</source>
        <translation>Stern, verborgen</translation>
    </message>
    <message>
        <source>stellar, output B·M</source>
        <translation>Stern, Ausgabe B·M</translation>
    </message>
    <message>
        <source>extinction R</source>
        <translation>Extinktion R</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::PlotFrame</name>
    <message>
        <source>Reset View</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>Export Figure…</source>
        <translation>Abbildung exportieren…</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Hintergrund</translation>
    </message>
    <message>
        <source>Follow Desktop</source>
        <translation>Wie die Arbeitsumgebung</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Colour Map</source>
        <translation>Farbskala</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>SVG (*.svg)</source>
        <translation>SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG image, 300 DPI (*.png)</source>
        <translation>PNG-Bild, 300 DPI (*.png)</translation>
    </message>
    <message>
        <source>Export Figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>Could not export the figure</source>
        <translation>Die Abbildung konnte nicht exportiert werden</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::SessionLoader</name>
    <message>
        <source>%1: unknown error while reading the file</source>
        <translation>%1: unbekannter Fehler beim Lesen der Datei</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::SessionOverviewView</name>
    <message>
        <source>Nothing is open yet</source>
        <translation>Noch nichts geöffnet</translation>
    </message>
    <message>
        <source>&lt;p&gt;StarLocus follows Green et al., &lt;i&gt;Data-Driven Stellar Models&lt;/i&gt;: a neural network maps spectroscopic labels (T&lt;sub&gt;eff&lt;/sub&gt;, log g, [Fe/H]) to absolute magnitudes in 13 passbands from Gaia, Pan-STARRS 1, 2MASS and unWISE, together with the dust extinction vector R.&lt;/p&gt;&lt;p&gt;Open a &lt;b&gt;stellar model&lt;/b&gt; (the published Keras file green2020_nn_model.h5 with its normalisation JSON, or a StarLocus model file) and/or a &lt;b&gt;catalog&lt;/b&gt; of stars in the published HDF5 layout (e.g. green2020_test_data_small.h5) to see what they contain.&lt;/p&gt;</source>
        <translation>&lt;p&gt;StarLocus folgt Green et al., &lt;i&gt;Data-Driven Stellar Models&lt;/i&gt;: ein neuronales Netz bildet spektroskopische Parameter (T&lt;sub&gt;eff&lt;/sub&gt;, log g, [Fe/H]) auf absolute Helligkeiten in 13 Passbändern von Gaia, Pan-STARRS 1, 2MASS und unWISE ab, zusammen mit dem Extinktionsvektor R des Staubs.&lt;/p&gt;&lt;p&gt;Öffnen Sie ein &lt;b&gt;Sternmodell&lt;/b&gt; (die veröffentlichte Keras-Datei green2020_nn_model.h5 mit ihrem Normierungs-JSON oder eine StarLocus-Modelldatei) und/oder einen &lt;b&gt;Katalog&lt;/b&gt; von Sternen im veröffentlichten HDF5-Format (z. B. green2020_test_data_small.h5), um zu sehen, was sie enthalten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open Model…</source>
        <translation>Modell öffnen…</translation>
    </message>
    <message>
        <source>Open Catalog…</source>
        <translation>Katalog öffnen…</translation>
    </message>
</context>
</TS>
