<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CatalogFitColouringText</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>low-density fraction</source>
        <translation>Anteil bei geringer Dichte</translation>
    </message>
    <message>
        <source>χ²/dof</source>
        <translation>χ²/dof</translation>
    </message>
    <message>
        <source>parallax used</source>
        <translation>Parallaxe verwendet</translation>
    </message>
    <message>
        <source>posterior fraction at training density &lt; 10⁻²</source>
        <translation>Posterior-Anteil bei Trainingsdichte &lt; 10⁻²</translation>
    </message>
    <message>
        <source>χ²/dof of the best fit (photometry and parallax)</source>
        <translation>χ²/dof der besten Anpassung (Photometrie und Parallaxe)</translation>
    </message>
</context>
<context>
    <name>FieldStatusText</name>
    <message>
        <source>every star: %1 (the survey)</source>
        <translation>jeder Stern: %1 (die Durchmusterung)</translation>
    </message>
    <message>
        <source>required: map a column or choose the survey</source>
        <translation>erforderlich: eine Spalte zuordnen oder die Durchmusterung wählen</translation>
    </message>
    <message>
        <source>not needed (%1 is mapped)</source>
        <translation>nicht nötig (%1 ist zugeordnet)</translation>
    </message>
    <message>
        <source>required: not mapped</source>
        <translation>erforderlich: nicht zugeordnet</translation>
    </message>
    <message>
        <source>required: map it or %1</source>
        <translation>erforderlich: dieses Feld oder %1 zuordnen</translation>
    </message>
    <message>
        <source>not mapped</source>
        <translation>nicht zugeordnet</translation>
    </message>
    <message>
        <source>no unit: taken as %1</source>
        <translation>keine Einheit: als %1 genommen</translation>
    </message>
    <message>
        <source>converted from %1 (× %2)</source>
        <translation>umgerechnet aus %1 (× %2)</translation>
    </message>
</context>
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
    <message>
        <source>A figure needs at least one panel.</source>
        <translation>Eine Abbildung braucht mindestens ein Feld.</translation>
    </message>
</context>
<context>
    <name>FigurePreset</name>
    <message>
        <source>A&amp;A one column (88 mm)</source>
        <translation>A&amp;A einspaltig (88 mm)</translation>
    </message>
    <message>
        <source>A&amp;A 1.5 columns (120 mm)</source>
        <translation>A&amp;A 1,5 Spalten (120 mm)</translation>
    </message>
    <message>
        <source>A&amp;A two columns (180 mm)</source>
        <translation>A&amp;A zweispaltig (180 mm)</translation>
    </message>
    <message>
        <source>AAS one column (3.5 in)</source>
        <translation>AAS einspaltig (3,5 Zoll)</translation>
    </message>
    <message>
        <source>AAS two columns (7.1 in)</source>
        <translation>AAS zweispaltig (7,1 Zoll)</translation>
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
    <name>PosteriorQuantityText</name>
    <message>
        <source>Teff</source>
        <translation>Teff</translation>
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
        <source>μ</source>
        <translation>μ</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>dex</source>
        <translation>dex</translation>
    </message>
    <message>
        <source>mag</source>
        <translation>mag</translation>
    </message>
</context>
<context>
    <name>StarFitSummary</name>
    <message>
        <source>fitted</source>
        <translation>angepasst</translation>
    </message>
    <message>
        <source>no posterior: the star has no usable G magnitude, which the fit needs (as training does, §3)</source>
        <translation>kein Posterior: Der Stern hat keine brauchbare G-Helligkeit, die die Anpassung braucht (wie das Training, §3)</translation>
    </message>
    <message>
        <source>no posterior: fewer than 5 measurements (observed bands + parallax) cannot constrain Teff, log g, [Fe/H], μ and E</source>
        <translation>kein Posterior: Weniger als 5 Messungen (beobachtete Bänder + Parallaxe) können Teff, log g, [Fe/H], μ und E nicht bestimmen</translation>
    </message>
    <message>
        <source>no posterior: the Galactic distance prior needs the star&apos;s l and b, which it does not have (choose the flat prior in μ)</source>
        <translation>kein Posterior: Der galaktische Entfernungs-Prior braucht l und b des Sterns, die er nicht hat (wählen Sie den in μ flachen Prior)</translation>
    </message>
    <message>
        <source>no posterior: no label on the grid gives this photometry a finite likelihood</source>
        <translation>kein Posterior: Kein Parameterpunkt des Gitters gibt dieser Photometrie eine endliche Likelihood</translation>
    </message>
    <message>
        <source>no posterior: the catalog reddening prior needs a finite Ê and σ_E &gt; 0 (choose the flat prior E ≥ 0)</source>
        <translation>kein Posterior: Der Rötungs-Prior aus dem Katalog braucht ein endliches Ê und σ_E &gt; 0 (wählen Sie den flachen Prior E ≥ 0)</translation>
    </message>
    <message>
        <source>unknown status %1</source>
        <translation>unbekannter Status %1</translation>
    </message>
    <message>
        <source>poor fit: the χ² of the best fit has p &lt; 10⁻³ (the model cannot explain this photometry)</source>
        <translation>schlechte Anpassung: Das χ² der besten Anpassung hat p &lt; 10⁻³ (das Modell kann diese Photometrie nicht erklären)</translation>
    </message>
    <message>
        <source>outside the training data: most posterior mass lies where the training density is below 10⁻²</source>
        <translation>außerhalb der Trainingsdaten: Der Großteil der Posterior-Masse liegt, wo die Trainingsdichte unter 10⁻² liegt</translation>
    </message>
    <message>
        <source>parallax ignored: it is missing, not positive or has no positive error</source>
        <translation>Parallaxe ignoriert: Sie fehlt, ist nicht positiv oder hat keinen positiven Fehler</translation>
    </message>
    <message>
        <source>at the grid&apos;s edge: more than 1 % of the posterior mass lies on its outer nodes</source>
        <translation>am Rand des Gitters: Mehr als 1 % der Posterior-Masse liegt auf seinen äußeren Knoten</translation>
    </message>
    <message>
        <source>flat where the model is valid (training density ≥ 10⁻²)</source>
        <translation>flach, wo das Modell gültig ist (Trainingsdichte ≥ 10⁻²)</translation>
    </message>
    <message>
        <source>the training density</source>
        <translation>die Trainingsdichte</translation>
    </message>
    <message>
        <source>flat over the whole grid</source>
        <translation>flach über das ganze Gitter</translation>
    </message>
    <message>
        <source>Galactic disks and halo (Jurić et al. 2008)</source>
        <translation>galaktische Scheiben und Halo (Jurić et al. 2008)</translation>
    </message>
    <message>
        <source>flat in μ</source>
        <translation>flach in μ</translation>
    </message>
    <message>
        <source>catalog Ê ± σ_E, E ≥ 0</source>
        <translation>Katalog Ê ± σ_E, E ≥ 0</translation>
    </message>
    <message>
        <source>flat, E ≥ 0</source>
        <translation>flach, E ≥ 0</translation>
    </message>
    <message>
        <source>median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>MAP</source>
        <translation>MAP</translation>
    </message>
    <message>
        <source>catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>Entfernung</translation>
    </message>
    <message>
        <source>pc</source>
        <translation>pc</translation>
    </message>
    <message>
        <source>Median with the distances to the 84 % and 16 % points.</source>
        <translation>Median mit den Abständen zu den 84-%- und 16-%-Punkten.</translation>
    </message>
    <message>
        <source>χ²/dof of the best fit: %1 / %2 = %3</source>
        <translation>χ²/dof der besten Anpassung: %1 / %2 = %3</translation>
    </message>
    <message>
        <source>%1 of 13 bands and the parallax used</source>
        <translation>%1 von 13 Bändern und die Parallaxe verwendet</translation>
    </message>
    <message>
        <source>%1 of 13 bands used, no parallax</source>
        <translation>%1 von 13 Bändern verwendet, keine Parallaxe</translation>
    </message>
    <message>
        <source>posterior mass where the training density is below 10⁻²: %1 %</source>
        <translation>Posterior-Masse, wo die Trainingsdichte unter 10⁻² liegt: %1 %</translation>
    </message>
    <message>
        <source>training density unknown (no density grid)</source>
        <translation>Trainingsdichte unbekannt (kein Dichtegitter)</translation>
    </message>
    <message>
        <source>priors: θ %1; distance %2; E %3</source>
        <translation>Priors: θ %1; Entfernung %2; E %3</translation>
    </message>
    <message>
        <source>%1 grid nodes evaluated in %2 ms</source>
        <translation>%1 Gitterknoten in %2 ms ausgewertet</translation>
    </message>
    <message>
        <source>No flags.</source>
        <translation>Keine Markierungen.</translation>
    </message>
    <message>
        <source>Flags:</source>
        <translation>Markierungen:</translation>
    </message>
</context>
<context>
    <name>TableFileTypes</name>
    <message>
        <source>Survey tables (%1);;All files (*)</source>
        <translation>Durchmusterungstabellen (%1);;Alle Dateien (*)</translation>
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
    <message>
        <source>Start with a small synthetic sky and a short training schedule (seconds).</source>
        <translation>Mit einem kleinen synthetischen Himmel und einem kurzen Trainingsablauf starten (Sekunden).</translation>
    </message>
    <message>
        <source>Start training as soon as the catalog is ready.</source>
        <translation>Training starten, sobald der Katalog bereit ist.</translation>
    </message>
    <message>
        <source>With --screenshot: take it once N epochs are drawn (training pauses).</source>
        <translation>Mit --screenshot: erst aufnehmen, wenn N Epochen gezeichnet sind (das Training pausiert).</translation>
    </message>
    <message>
        <source>--after-epochs needs a whole number ≥ 1, not %1</source>
        <translation>--after-epochs braucht eine ganze Zahl ≥ 1, nicht %1</translation>
    </message>
    <message>
        <source>--after-epochs needs --screenshot and --train</source>
        <translation>--after-epochs braucht --screenshot und --train</translation>
    </message>
    <message>
        <source>Open the files, save a PNG of the main window to FILE and quit (with --train: once the run has finished, or after --after-epochs N).</source>
        <translation>Die Dateien öffnen, ein PNG des Hauptfensters in FILE speichern und beenden (mit --train: sobald der Lauf beendet ist, oder nach --after-epochs N).</translation>
    </message>
    <message>
        <source>Colours for this run: system (the desktop&apos;s), light or dark.</source>
        <translation>Farben für diesen Lauf: system (die des Desktops), light (hell) oder dark (dunkel).</translation>
    </message>
    <message>
        <source>--colours takes system, light or dark, not %1</source>
        <translation>--colours erwartet system, light oder dark, nicht %1</translation>
    </message>
    <message>
        <source>no display (DISPLAY and WAYLAND_DISPLAY are unset); run it in a desktop session (--screenshot and starlocus-figures need none)</source>
        <translation>keine Anzeige (DISPLAY und WAYLAND_DISPLAY sind nicht gesetzt); starten Sie StarLocus in einer Desktop-Sitzung (--screenshot und starlocus-figures brauchen keine)</translation>
    </message>
    <message numerus="yes">
        <source>the run finished after %n epoch(s), before --after-epochs %1; the screenshot shows the finished run</source>
        <translation>
            <numerusform>der Lauf endete nach %n Epoche, vor --after-epochs %1; der Screenshot zeigt den beendeten Lauf</numerusform>
            <numerusform>der Lauf endete nach %n Epochen, vor --after-epochs %1; der Screenshot zeigt den beendeten Lauf</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>starlocus::ui::AboutDialog</name>
    <message>
        <source>&lt;h2&gt;StarLocus %1&lt;/h2&gt;&lt;p&gt;StarLocus reproduces the data-driven stellar models of Green et al.: a small neural network that maps spectroscopic labels (T&lt;sub&gt;eff&lt;/sub&gt;, log g, [Fe/H]) to absolute magnitudes in 13 passbands (Gaia G, BP, RP; Pan-STARRS 1 grizy; 2MASS J, H, K&lt;sub&gt;s&lt;/sub&gt;; unWISE W1, W2), learned jointly with a T&lt;sub&gt;eff&lt;/sub&gt;-dependent dust extinction vector R from stars with spectroscopic labels, Gaia parallaxes and multi-band photometry.&lt;/p&gt;&lt;p&gt;&lt;b&gt;If you use StarLocus, please cite the paper:&lt;/b&gt;&lt;br&gt;%2&lt;/p&gt;&lt;p&gt;The published trained model and test data (DOI: &lt;a href=&quot;https://doi.org/10.5281/zenodo.3902382&quot;&gt;10.5281/zenodo.3902382&lt;/a&gt;) are © 2020 Gregory Green and distributed under the MIT License.&lt;/p&gt;&lt;p&gt;Built with Qt %3 (running on Qt %4), used under the GNU LGPL version 3.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;StarLocus %1&lt;/h2&gt;&lt;p&gt;StarLocus reproduziert die datengetriebenen Sternmodelle von Green et al.: ein kleines neuronales Netz, das spektroskopische Parameter (T&lt;sub&gt;eff&lt;/sub&gt;, log g, [Fe/H]) auf absolute Helligkeiten in 13 Passbändern abbildet (Gaia G, BP, RP; Pan-STARRS 1 grizy; 2MASS J, H, K&lt;sub&gt;s&lt;/sub&gt;; unWISE W1, W2) und gemeinsam damit einen von T&lt;sub&gt;eff&lt;/sub&gt; abhängigen Extinktionsvektor R des Staubs lernt, aus Sternen mit spektroskopischen Parametern, Gaia-Parallaxen und Mehrband-Photometrie.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Wenn Sie StarLocus verwenden, zitieren Sie bitte die Veröffentlichung:&lt;/b&gt;&lt;br&gt;%2&lt;/p&gt;&lt;p&gt;Das veröffentlichte trainierte Modell und die Testdaten (DOI: &lt;a href=&quot;https://doi.org/10.5281/zenodo.3902382&quot;&gt;10.5281/zenodo.3902382&lt;/a&gt;) sind © 2020 Gregory Green und stehen unter der MIT-Lizenz.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %3 (läuft mit Qt %4), verwendet unter der GNU LGPL Version 3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;StarLocus is free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later), and comes with ABSOLUTELY NO WARRANTY. Fig. 11 compares with the reddening vectors of Schlafly et al. 2016, ApJ, 821, 78.&lt;/p&gt;</source>
        <translation>&lt;p&gt;StarLocus ist freie Software unter der GNU General Public License, Version 3 oder später (GPL-3.0-or-later), und wird OHNE JEDE GEWÄHRLEISTUNG bereitgestellt. Abb. 11 vergleicht mit den Rötungsvektoren von Schlafly et al. 2016, ApJ, 821, 78.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About StarLocus</source>
        <translation>Über StarLocus</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::BandCoverageTable</name>
    <message>
        <source>ϖ/σ ≥ 5</source>
        <translation>ϖ/σ ≥ 5</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Band</translation>
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
        <source>Stars out with a usable measurement in each band (Table 1 of the paper), and with a parallax of at least 5σ</source>
        <translation>Übernommene Sterne mit brauchbarer Messung in jedem Band (Tabelle 1 des Artikels) und mit einer Parallaxe von mindestens 5σ</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::BandResidualPlot</name>
    <message>
        <source>band</source>
        <translation>Band</translation>
    </message>
    <message>
        <source>(m̂ − model)/σ</source>
        <translation>(m̂ − Modell)/σ</translation>
    </message>
    <message>
        <source>Residual of each observed band at the best fit, in units of its error; dashed lines at ±1σ, bars beyond ±3σ highlighted. A band without a bar was not used (not observed).</source>
        <translation>Residuum jedes beobachteten Bandes bei der besten Anpassung, in Einheiten seines Fehlers; gestrichelte Linien bei ±1σ, Balken jenseits von ±3σ hervorgehoben. Ein Band ohne Balken wurde nicht verwendet (nicht beobachtet).</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::CatalogFitColourLegend</name>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;●&lt;/span&gt; parallax used &amp;nbsp;&amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;●&lt;/span&gt; no parallax (none, or ignored)</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;●&lt;/span&gt; Parallaxe verwendet &amp;nbsp;&amp;nbsp; &lt;span style=&apos;color:%2&apos;&gt;●&lt;/span&gt; keine Parallaxe (fehlt oder ignoriert)</translation>
    </message>
    <message>
        <source>  (grey: unknown)</source>
        <translation>  (grau: unbekannt)</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::CatalogFitJob</name>
    <message numerus="yes">
        <source>not enough memory for the posteriors of %n star(s)</source>
        <translation>
            <numerusform>nicht genug Speicher für den Posterior von %n Stern</numerusform>
            <numerusform>nicht genug Speicher für die Posteriors von %n Sternen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>starlocus::ui::CatalogFitPanel</name>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>dex</source>
        <translation>dex</translation>
    </message>
    <message>
        <source>mag</source>
        <translation>mag</translation>
    </message>
    <message>
        <source>Teff, spectroscopic</source>
        <translation>Teff, spektroskopisch</translation>
    </message>
    <message>
        <source>Teff, photometric</source>
        <translation>Teff, photometrisch</translation>
    </message>
    <message>
        <source>log g, spectroscopic</source>
        <translation>log g, spektroskopisch</translation>
    </message>
    <message>
        <source>log g, photometric</source>
        <translation>log g, photometrisch</translation>
    </message>
    <message>
        <source>[Fe/H], spectroscopic</source>
        <translation>[Fe/H], spektroskopisch</translation>
    </message>
    <message>
        <source>[Fe/H], photometric</source>
        <translation>[Fe/H], photometrisch</translation>
    </message>
    <message>
        <source>E, catalog r_fit</source>
        <translation>E, Katalog r_fit</translation>
    </message>
    <message>
        <source>E, catalog Ê (prior)</source>
        <translation>E, Katalog Ê (Prior)</translation>
    </message>
    <message>
        <source>E, photometric</source>
        <translation>E, photometrisch</translation>
    </message>
    <message>
        <source>16–84 %</source>
        <translation>16–84 %</translation>
    </message>
    <message>
        <source>Each fitted star: the posterior median from photometry and parallax (y) against the catalog&apos;s value (x); the line is 1:1. Bias is the median of photometric − catalog, scatter 1.4826 × its median absolute deviation. Click a star to fit it in the Fit a Star tab.</source>
        <translation>Jeder angepasste Stern: der Posterior-Median aus Photometrie und Parallaxe (y) gegen den Katalogwert (x); die Linie ist 1:1. Der Bias ist der Median von photometrisch − Katalog, die Streuung 1,4826 × seine mediane absolute Abweichung. Klicken Sie auf einen Stern, um ihn im Reiter „Stern anpassen“ anzupassen.</translation>
    </message>
    <message>
        <source>no fitted star with a catalog value</source>
        <translation>kein angepasster Stern mit Katalogwert</translation>
    </message>
    <message>
        <source>spec</source>
        <translation>spektr.</translation>
    </message>
    <message>
        <source>r_fit</source>
        <translation>r_fit</translation>
    </message>
    <message>
        <source>Ê</source>
        <translation>Ê</translation>
    </message>
    <message>
        <source>N = %1    phot − %5: bias %2 %4, scatter %3 %4</source>
        <translation>N = %1    phot − %5: Bias %2 %4, Streuung %3 %4</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::CatalogFitView</name>
    <message>
        <source>Fitting needs a model and a catalog: open both (File menu), or train a model.</source>
        <translation>Die Anpassung braucht ein Modell und einen Katalog: Öffnen Sie beide (Menü Datei) oder trainieren Sie ein Modell.</translation>
    </message>
    <message>
        <source>No label grid, so no fit: %1</source>
        <translation>Kein Parametergitter, also keine Anpassung: %1</translation>
    </message>
    <message>
        <source>Cancelled before the fit started.</source>
        <translation>Abgebrochen, bevor die Anpassung begann.</translation>
    </message>
    <message>
        <source>Fit cancelled after %1 of %2 stars: no result kept.</source>
        <translation>Anpassung nach %1 von %2 Sternen abgebrochen: kein Ergebnis behalten.</translation>
    </message>
    <message>
        <source>The fit failed: %1</source>
        <translation>Die Anpassung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The model or catalog changed while the fit ran: its result was dropped.</source>
        <translation>Modell oder Katalog haben sich während der Anpassung geändert: Ihr Ergebnis wurde verworfen.</translation>
    </message>
    <message>
        <source>Posteriors not opened: %1</source>
        <translation>Posteriors nicht geöffnet: %1</translation>
    </message>
    <message>
        <source>%1: not enough memory to read it</source>
        <translation>%1: nicht genug Arbeitsspeicher, um die Datei zu lesen</translation>
    </message>
    <message>
        <source>%1: could not be read (%2)</source>
        <translation>%1: konnte nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <source>%1 not opened: its rows are matched to the session&apos;s catalog by index, and no catalog is open (the file&apos;s catalog: %2).</source>
        <translation>%1 nicht geöffnet: Ihre Zeilen werden dem Katalog der Sitzung über den Index zugeordnet, und es ist kein Katalog geöffnet (Katalog der Datei: %2).</translation>
    </message>
    <message>
        <source>not named</source>
        <translation>ohne Namen</translation>
    </message>
    <message>
        <source>%1 refused: it has %2 rows but the session&apos;s catalog has %3 stars. Its rows are matched to the catalog&apos;s stars by index, so it was fitted on another catalog (the file&apos;s catalog: %4).</source>
        <translation>%1 abgelehnt: Die Datei hat %2 Zeilen, aber der Katalog der Sitzung hat %3 Sterne. Ihre Zeilen werden den Sternen des Katalogs über den Index zugeordnet; sie wurde also an einem anderen Katalog angepasst (Katalog der Datei: %4).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing to save: fit all stars here first (a result read from a file is already on disk).</source>
        <translation>Nichts zu speichern: Passen Sie zuerst hier alle Sterne an (ein aus einer Datei gelesenes Ergebnis liegt schon auf der Festplatte).</translation>
    </message>
    <message>
        <source>Posteriors not saved: %1</source>
        <translation>Posteriors nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Posteriors not saved to %1 (%2)</source>
        <translation>Posteriors nicht nach %1 gespeichert (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Posteriors of %n star(s) saved to %1.</source>
        <translation>
            <numerusform>Posterior von %n Stern nach %1 gespeichert.</numerusform>
            <numerusform>Posteriors von %n Sternen nach %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Posteriors</source>
        <translation>Posteriors öffnen</translation>
    </message>
    <message>
        <source>fit-stars posteriors (*.h5 *.hdf5);;All files (*)</source>
        <translation>fit-stars-Posteriors (*.h5 *.hdf5);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save Posteriors</source>
        <translation>Posteriors speichern</translation>
    </message>
    <message>
        <source>fit-stars posteriors (*.h5 *.hdf5)</source>
        <translation>fit-stars-Posteriors (*.h5 *.hdf5)</translation>
    </message>
    <message>
        <source>The model changed: the catalog fit of the previous model was dropped. Fit all stars again for this one.</source>
        <translation>Das Modell hat sich geändert: Die Katalog-Anpassung des vorigen Modells wurde verworfen. Passen Sie für dieses alle Sterne erneut an.</translation>
    </message>
    <message>
        <source>The model changed: the running fit was stopped (its result would belong to the previous model).</source>
        <translation>Das Modell hat sich geändert: Die laufende Anpassung wurde gestoppt (ihr Ergebnis gehörte zum vorigen Modell).</translation>
    </message>
    <message>
        <source>The catalog changed: the running fit was stopped.</source>
        <translation>Der Katalog hat sich geändert: Die laufende Anpassung wurde gestoppt.</translation>
    </message>
    <message>
        <source>The catalog changed: the catalog fit of the previous catalog was dropped.</source>
        <translation>Der Katalog hat sich geändert: Die Katalog-Anpassung des vorigen Katalogs wurde verworfen.</translation>
    </message>
    <message>
        <source>The catalog changed and no longer has as many stars as %1 has rows: its result was dropped.</source>
        <translation>Der Katalog hat sich geändert und hat nicht mehr so viele Sterne, wie %1 Zeilen hat: Das Ergebnis wurde verworfen.</translation>
    </message>
    <message>
        <source>The catalog changed; %1 has as many rows as it has stars, so it is kept and matched to the new catalog by index.</source>
        <translation>Der Katalog hat sich geändert; %1 hat so viele Zeilen, wie er Sterne hat, wird also behalten und dem neuen Katalog über den Index zugeordnet.</translation>
    </message>
    <message>
        <source>Catalog star %1 chosen: the Fit a Star tab shows its posterior.</source>
        <translation>Katalogstern %1 gewählt: Der Reiter „Stern anpassen“ zeigt seinen Posterior.</translation>
    </message>
    <message>
        <source>Building the label grid (shared with the Fit a Star tab)…</source>
        <translation>Das Parametergitter wird gebaut (gemeinsam mit dem Reiter „Stern anpassen“) …</translation>
    </message>
    <message numerus="yes">
        <source>Fitting %n star(s) in the background…</source>
        <translation>
            <numerusform>%n Stern wird im Hintergrund angepasst …</numerusform>
            <numerusform>%n Sterne werden im Hintergrund angepasst …</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a model and a catalog, then fit all of the catalog&apos;s stars here (Fit all stars) or open the posteriors `starlocus-cli fit-stars` wrote for this catalog (Open posteriors…).</source>
        <translation>Öffnen Sie ein Modell und einen Katalog und passen Sie dann hier alle Sterne des Katalogs an (Alle Sterne anpassen) oder öffnen Sie die Posteriors, die `starlocus-cli fit-stars` für diesen Katalog geschrieben hat (Posteriors öffnen…).</translation>
    </message>
    <message>
        <source>No catalog-wide fit yet: Fit all stars (with the grid and priors of the Fit a Star tab), or open the posteriors `starlocus-cli fit-stars` wrote for this catalog.</source>
        <translation>Noch keine katalogweite Anpassung: Alle Sterne anpassen (mit Gitter und Priors des Reiters „Stern anpassen“) oder die Posteriors öffnen, die `starlocus-cli fit-stars` für diesen Katalog geschrieben hat.</translation>
    </message>
    <message>
        <source>θ prior %1, distance prior %2, E prior %3</source>
        <translation>θ-Prior %1, Entfernungs-Prior %2, E-Prior %3</translation>
    </message>
    <message>
        <source>no training density</source>
        <translation>keine Trainingsdichte</translation>
    </message>
    <message>
        <source>density %1</source>
        <translation>Dichte %1</translation>
    </message>
    <message>
        <source>Fitted here in %1 s: model %2, %3, %4 (the Fit a Star tab&apos;s grid and priors).</source>
        <translation>Hier in %1 s angepasst: Modell %2, %3, %4 (Gitter und Priors des Reiters „Stern anpassen“).</translation>
    </message>
    <message>
        <source>trained here</source>
        <translation>hier trainiert</translation>
    </message>
    <message>
        <source>From %1 (catalog: %2; model: %3; %4; %5), rows matched to the session&apos;s catalog by index.</source>
        <translation>Aus %1 (Katalog: %2; Modell: %3; %4; %5), Zeilen dem Katalog der Sitzung über den Index zugeordnet.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 of %2 stars fitted</source>
        <translation>%1 von %2 Sternen angepasst</translation>
    </message>
    <message>
        <source> (not fitted: %1)</source>
        <translation> (nicht angepasst: %1)</translation>
    </message>
    <message>
        <source>. Flagged among the fitted: %1 poor fit, %2 outside training, %3 parallax ignored, %4 at grid edge.</source>
        <translation>. Markiert unter den angepassten: %1 schlechte Anpassung, %2 außerhalb der Trainingsdaten, %3 Parallaxe ignoriert, %4 am Gitterrand.</translation>
    </message>
    <message>
        <source>Fit all stars</source>
        <translation>Alle Sterne anpassen</translation>
    </message>
    <message>
        <source>Fit every star of the session&apos;s catalog from its photometry and parallax (Eq. 19) in the background, with the label grid and the priors chosen in the Fit a Star tab.</source>
        <translation>Jeden Stern des Katalogs der Sitzung im Hintergrund aus seiner Photometrie und Parallaxe anpassen (Gl. 19), mit dem Parametergitter und den Priors, die im Reiter „Stern anpassen“ gewählt sind.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open posteriors…</source>
        <translation>Posteriors öffnen…</translation>
    </message>
    <message>
        <source>Read the file `starlocus-cli fit-stars` wrote for the session&apos;s catalog (one row per star, in catalog order).</source>
        <translation>Die Datei lesen, die `starlocus-cli fit-stars` für den Katalog der Sitzung geschrieben hat (eine Zeile je Stern, in Katalogreihenfolge).</translation>
    </message>
    <message>
        <source>Save posteriors…</source>
        <translation>Posteriors speichern…</translation>
    </message>
    <message>
        <source>Write the fit made here in the layout of `starlocus-cli fit-stars` (HDF5).</source>
        <translation>Die hier berechnete Anpassung im Format von `starlocus-cli fit-stars` schreiben (HDF5).</translation>
    </message>
    <message>
        <source>&amp;Colour by:</source>
        <translation>&amp;Färben nach:</translation>
    </message>
    <message>
        <source>16–84 % error bars</source>
        <translation>Fehlerbalken 16–84 %</translation>
    </message>
    <message>
        <source>%v of %m stars</source>
        <translation>%v von %m Sternen</translation>
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
    <message>
        <source>none: a synthetic sky (%1)</source>
        <translation>keine: ein synthetischer Himmel (%1)</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::CmdView</name>
    <message>
        <source>Fig. 6 — Observed and predicted CMD</source>
        <translation>Abb. 6 — Beobachtetes und vorhergesagtes FHD</translation>
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
        <source>expected two different bands as X-Y (e.g. BP-RP), got &apos;%1&apos;</source>
        <translation>erwartet zwei verschiedene Bänder als X-Y (z. B. BP-RP), erhalten: &apos;%1&apos;</translation>
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
        <source>stars per pixel</source>
        <translation>Sterne pro Pixel</translation>
    </message>
    <message>
        <source>observed (parallax ≥ 5σ)</source>
        <translation>beobachtet (Parallaxe ≥ 5σ)</translation>
    </message>
    <message>
        <source>predicted, E = 0, noiseless</source>
        <translation>vorhergesagt, E = 0, rauschfrei</translation>
    </message>
    <message>
        <source>No star has a parallax of at least 5σ:
the observed CMD needs parallaxes.</source>
        <translation>Kein Stern hat eine Parallaxe von mindestens 5σ:
das beobachtete FHD braucht Parallaxen.</translation>
    </message>
    <message>
        <source>No star observed both %1 and %2.</source>
        <translation>Kein Stern wurde in %1 und %2 beobachtet.</translation>
    </message>
    <message>
        <source>R(θ̄), E = 0.5</source>
        <translation>R(θ̄), E = 0,5</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::ColorColorView</name>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Farben:</translation>
    </message>
    <message>
        <source>Fig. 8 — Colour–colour, coloured by log g</source>
        <translation>Abb. 8 — Zweifarbendiagramm, gefärbt nach log g</translation>
    </message>
    <message>
        <source>Fig. 9 — Colour–colour, coloured by [Fe/H]</source>
        <translation>Abb. 9 — Zweifarbendiagramm, gefärbt nach [Fe/H]</translation>
    </message>
    <message>
        <source>expected X-Y:X-Y pairs separated by commas (e.g. g-r:r-i,J-H:H-Ks), got &apos;%1&apos;</source>
        <translation>erwartet durch Kommas getrennte Paare X-Y:X-Y (z. B. g-r:r-i,J-H:H-Ks), erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a whole number ≥ 1, got &apos;%1&apos;</source>
        <translation>erwartet eine ganze Zahl ≥ 1, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>mean log g</source>
        <translation>mittleres log g</translation>
    </message>
    <message>
        <source>dex</source>
        <translation>dex</translation>
    </message>
    <message>
        <source>mean [Fe/H]</source>
        <translation>mittleres [Fe/H]</translation>
    </message>
    <message>
        <source>mag</source>
        <translation>mag</translation>
    </message>
    <message>
        <source>observed</source>
        <translation>beobachtet</translation>
    </message>
    <message>
        <source>predicted, E = 0, noiseless</source>
        <translation>vorhergesagt, E = 0, rauschfrei</translation>
    </message>
    <message>
        <source>No star observed all bands of %1 and %2.</source>
        <translation>Kein Stern wurde in allen Bändern von %1 und %2 beobachtet.</translation>
    </message>
    <message>
        <source>E = 0.5</source>
        <translation>E = 0,5</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::CornerPlot</name>
    <message>
        <source>Shaded: 16–84 %. Solid: median. Dotted, ×: MAP. Dashed, ★: catalog (spectroscopic labels, Ê, μ of ϖ). Colour: density, peak 1.</source>
        <translation>Schattiert: 16–84 %. Durchgezogen: Median. Gepunktet, ×: MAP. Gestrichelt, ★: Katalog (spektroskopische Parameter, Ê, μ aus ϖ). Farbe: Dichte, Maximum 1.</translation>
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
    <message>
        <source> mag</source>
        <translation> mag</translation>
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
    <name>starlocus::ui::ExtinctionDeviationView</name>
    <message>
        <source>Fig. 10 — ΔR/R against Teff</source>
        <translation>Abb. 10 — ΔR/R gegen Teff</translation>
    </message>
    <message>
        <source>&amp;Bands:</source>
        <translation>&amp;Bänder:</translation>
    </message>
    <message>
        <source>expected band names separated by commas (e.g. G,BP,RP,g), got &apos;%1&apos;</source>
        <translation>erwartet durch Kommas getrennte Bandnamen (z. B. G,BP,RP,g), erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a whole number ≥ 1, got &apos;%1&apos;</source>
        <translation>erwartet eine ganze Zahl ≥ 1, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Teff</source>
        <translation>Teff</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>ΔR/R in %1</source>
        <translation>ΔR/R in %1</translation>
    </message>
    <message>
        <source>No star has finite labels: ΔR/R needs the mean labels.</source>
        <translation>Kein Stern hat endliche Labels: ΔR/R braucht die mittleren Labels.</translation>
    </message>
    <message>
        <source>mean log g</source>
        <translation>mittleres log g</translation>
    </message>
    <message>
        <source>dex</source>
        <translation>dex</translation>
    </message>
    <message>
        <source>theory (blackbody, F99)</source>
        <translation>Theorie (Schwarzkörper, F99)</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::FieldMappingModel</name>
    <message>
        <source>Labels and their quality (§3.1)</source>
        <translation>Labels und ihre Qualität (§3.1)</translation>
    </message>
    <message>
        <source>Gaia: photometry and astrometry (§3.2)</source>
        <translation>Gaia: Photometrie und Astrometrie (§3.2)</translation>
    </message>
    <message>
        <source>Pan-STARRS1 (§3.2)</source>
        <translation>Pan-STARRS1 (§3.2)</translation>
    </message>
    <message>
        <source>2MASS (§3.2)</source>
        <translation>2MASS (§3.2)</translation>
    </message>
    <message>
        <source>unWISE (§3.2)</source>
        <translation>unWISE (§3.2)</translation>
    </message>
    <message>
        <source>Reddening prior (§3.3)</source>
        <translation>Rötungs-Prior (§3.3)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Required: one of %1</source>
        <translation>Erforderlich: eines von %1</translation>
    </message>
    <message>
        <source>Required: the import cannot start without it</source>
        <translation>Erforderlich: ohne dieses Feld kann der Import nicht beginnen</translation>
    </message>
    <message>
        <source>A column name, or an expression of columns (e.g. teff_err^2, 22.5 - 2.5*log10(flux_w1)); empty: not mapped</source>
        <translation>Ein Spaltenname oder ein Ausdruck aus Spalten (z. B. teff_err^2, 22.5 - 2.5*log10(flux_w1)); leer: nicht zugeordnet</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The unit the source&apos;s values come in: a column&apos;s own unit, unless one is typed here (an expression&apos;s result has the field&apos;s unit unless one is typed)</source>
        <translation>Die Einheit der Quellwerte: die eigene Einheit der Spalte, sofern hier keine eingegeben ist (das Ergebnis eines Ausdrucks hat die Einheit des Felds, sofern keine eingegeben ist)</translation>
    </message>
    <message>
        <source>mapped</source>
        <translation>zugeordnet</translation>
    </message>
    <message>
        <source>A column of the table, or an expression of its columns; double-click to edit</source>
        <translation>Eine Spalte der Tabelle oder ein Ausdruck aus ihren Spalten; Doppelklick zum Bearbeiten</translation>
    </message>
    <message>
        <source>The unit the source&apos;s values come in (converted to the field&apos;s unit)</source>
        <translation>Die Einheit der Quellwerte (umgerechnet in die Einheit des Felds)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Source unit</source>
        <translation>Quelleinheit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::FigureExportDialog</name>
    <message>
        <source>Export Figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>Custom size</source>
        <translation>Eigene Größe</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>cm</source>
        <translation>cm</translation>
    </message>
    <message>
        <source>in</source>
        <translation>Zoll</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source> DPI</source>
        <translation> DPI</translation>
    </message>
    <message>
        <source>PDF (vector)</source>
        <translation>PDF (Vektor)</translation>
    </message>
    <message>
        <source>SVG (vector)</source>
        <translation>SVG (Vektor)</translation>
    </message>
    <message>
        <source>PNG (image)</source>
        <translation>PNG (Bild)</translation>
    </message>
    <message>
        <source>Also write a CSV of what is drawn</source>
        <translation>Auch eine CSV-Datei des Gezeichneten schreiben</translation>
    </message>
    <message>
        <source>&amp;Journal preset:</source>
        <translation>&amp;Zeitschriftenvorgabe:</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>&amp;Breite:</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>&amp;Höhe:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Einheit:</translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation>&amp;Schriftgröße:</translation>
    </message>
    <message>
        <source>PNG &amp;resolution:</source>
        <translation>PNG-&amp;Auflösung:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::FileProbe</name>
    <message>
        <source>%1 could not be read (the file probe exited with code %2).</source>
        <translation>%1 konnte nicht gelesen werden (die Dateiprüfung endete mit Code %2).</translation>
    </message>
    <message>
        <source>%1 could not be read: the HDF5 library crashed while reading it (signal %2); the file is probably corrupt.</source>
        <translation>%1 konnte nicht gelesen werden: Die HDF5-Bibliothek ist beim Lesen abgestürzt (Signal %2); die Datei ist wahrscheinlich beschädigt.</translation>
    </message>
    <message>
        <source>%1 could not be read: reading it took longer than %2 s and was stopped; the file is probably corrupt.</source>
        <translation>%1 konnte nicht gelesen werden: Das Lesen dauerte länger als %2 s und wurde abgebrochen; die Datei ist wahrscheinlich beschädigt.</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled.</source>
        <translation>Das Öffnen von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 could not be read: the table library (CFITSIO for FITS, expat for VOTable) crashed while reading it (signal %2); the file is probably damaged.</source>
        <translation>%1 konnte nicht gelesen werden: die Tabellenbibliothek (CFITSIO für FITS, expat für VOTable) ist beim Lesen abgestürzt (Signal %2); die Datei ist vermutlich beschädigt.</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::ImportDialog</name>
    <message>
        <source>Import Survey Tables</source>
        <translation>Durchmusterungstabellen importieren</translation>
    </message>
    <message>
        <source>&amp;Mapping</source>
        <translation>&amp;Zuordnung</translation>
    </message>
    <message>
        <source>Pre&amp;view (first %1 rows)</source>
        <translation>&amp;Vorschau (erste %1 Zeilen)</translation>
    </message>
    <message>
        <source>Rules (the paper&apos;s §3) and what they do to these tables</source>
        <translation>Regeln (§3 des Artikels) und was sie mit diesen Tabellen tun</translation>
    </message>
    <message>
        <source>Cancel Import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Write the catalog (Green2020 layout) and its report, then open it</source>
        <translation>Den Katalog (Green2020-Layout) und seinen Bericht schreiben, dann öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Imported Catalog</source>
        <translation>Importierter Katalog</translation>
    </message>
    <message>
        <source>HDF5 catalogs (*.h5 *.hdf5);;All files (*)</source>
        <translation>HDF5-Kataloge (*.h5 *.hdf5);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add Survey Tables</source>
        <translation>Durchmusterungstabellen hinzufügen</translation>
    </message>
    <message>
        <source>Add the survey tables to import (FITS, CSV, ECSV, VOTable; gzip-compressed too), or drop them here.</source>
        <translation>Die zu importierenden Durchmusterungstabellen hinzufügen (FITS, CSV, ECSV, VOTable; auch gzip-komprimiert) oder hierher ziehen.</translation>
    </message>
    <message>
        <source>Checking %1 in a separate process…</source>
        <translation>%1 wird in einem eigenen Prozess geprüft…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Reading %1… %2 rows</source>
        <translation>%1 wird gelesen… %2 Zeilen</translation>
    </message>
    <message>
        <source>Loading %1 was cancelled.</source>
        <translation>Das Laden von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Writing the catalog…</source>
        <translation>Der Katalog wird geschrieben…</translation>
    </message>
    <message>
        <source>Importing… %1 rows read</source>
        <translation>Import läuft… %1 Zeilen gelesen</translation>
    </message>
    <message>
        <source>%1 loaded.</source>
        <translation>%1 geladen.</translation>
    </message>
    <message>
        <source>Add a table first.</source>
        <translation>Zuerst eine Tabelle hinzufügen.</translation>
    </message>
    <message>
        <source>Wait until the tables are loaded.</source>
        <translation>Warten, bis die Tabellen geladen sind.</translation>
    </message>
    <message>
        <source>%1: the mapping is not complete: %2</source>
        <translation>%1: die Zuordnung ist unvollständig: %2</translation>
    </message>
    <message>
        <source>%1: the catalog would overwrite one of the tables it is imported from</source>
        <translation>%1: der Katalog würde eine der Tabellen überschreiben, aus denen er importiert wird</translation>
    </message>
    <message>
        <source>%1: the folder %2 does not exist or cannot be written</source>
        <translation>%1: der Ordner %2 existiert nicht oder ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import läuft…</translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was written.</source>
        <translation>Der Import wurde abgebrochen: nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>%1 stars of %2 rows written to %3 (report: %4).</source>
        <translation>%1 Sterne aus %2 Zeilen nach %3 geschrieben (Bericht: %4).</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::ImportJob</name>
    <message>
        <source>not enough memory for the imported catalog</source>
        <translation>nicht genug Speicher für den importierten Katalog</translation>
    </message>
    <message>
        <source>internal error while importing (a bug: please report it): %1</source>
        <translation>interner Fehler beim Import (ein Programmfehler: bitte melden): %1</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::IterationChartView</name>
    <message>
        <source>test stars: ⟨χ²/dof⟩ below 5</source>
        <translation>Teststerne: ⟨χ²/dof⟩ unter 5</translation>
    </message>
    <message>
        <source>left out by the χ²/dof cut [%]</source>
        <translation>durch den χ²/dof-Schnitt ausgeschlossen [%]</translation>
    </message>
    <message>
        <source>next learning rate</source>
        <translation>nächste Lernrate</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>Iteration</translation>
    </message>
    <message>
        <source>⟨χ²/dof⟩</source>
        <translation>⟨χ²/dof⟩</translation>
    </message>
    <message>
        <source>left out [%]</source>
        <translation>ausgeschlossen [%]</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::LiveCmdView</name>
    <message>
        <source>BP − RP</source>
        <translation>BP − RP</translation>
    </message>
    <message>
        <source>mag</source>
        <translation>mag</translation>
    </message>
    <message>
        <source>M_G = G + 5 log₁₀(ϖ / 100 mas)</source>
        <translation>M_G = G + 5 log₁₀(ϖ / 100 mas)</translation>
    </message>
    <message>
        <source>(BP − RP)₀</source>
        <translation>(BP − RP)₀</translation>
    </message>
    <message>
        <source>M_G</source>
        <translation>M_G</translation>
    </message>
    <message>
        <source>stars per bin</source>
        <translation>Sterne pro Bin</translation>
    </message>
    <message>
        <source>Observed test stars (ϖ/σ_ϖ &gt; 5, not dereddened)</source>
        <translation>Beobachtete Teststerne (ϖ/σ_ϖ &gt; 5, nicht entrötet)</translation>
    </message>
    <message>
        <source>Predicted by the model (E = 0): start training to see it</source>
        <translation>Vom Modell vorhergesagt (E = 0): erscheint nach dem Trainingsstart</translation>
    </message>
    <message>
        <source>Predicted by the model (E = 0): waiting for the first epoch</source>
        <translation>Vom Modell vorhergesagt (E = 0): warte auf die erste Epoche</translation>
    </message>
    <message>
        <source>Predicted by the model (E = 0), %1</source>
        <translation>Vom Modell vorhergesagt (E = 0), %1</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::LossChartView</name>
    <message>
        <source>end of an iteration</source>
        <translation>Ende einer Iteration</translation>
    </message>
    <message>
        <source>Loss of Eq. 15 (χ²/13 + regularisation) per epoch</source>
        <translation>Verlust nach Gl. 15 (χ²/13 + Regularisierung) pro Epoche</translation>
    </message>
    <message numerus="yes">
        <source>— %n value(s) ≤ 0 not drawable on the log axis</source>
        <translation>
            <numerusform>— %n Wert ≤ 0 auf der logarithmischen Achse nicht darstellbar</numerusform>
            <numerusform>— %n Werte ≤ 0 auf der logarithmischen Achse nicht darstellbar</numerusform>
        </translation>
    </message>
    <message>
        <source>training (raw)</source>
        <translation>Training (roh)</translation>
    </message>
    <message>
        <source>validation (raw)</source>
        <translation>Validierung (roh)</translation>
    </message>
    <message>
        <source>training (smoothed)</source>
        <translation>Training (geglättet)</translation>
    </message>
    <message>
        <source>validation (smoothed)</source>
        <translation>Validierung (geglättet)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>training stars processed</source>
        <translation>verarbeitete Trainingssterne</translation>
    </message>
    <message>
        <source>wall time [s]</source>
        <translation>Laufzeit [s]</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>Verlust (logarithmisch)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
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
    <message>
        <source>Training is running</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <source>&amp;Save Model…</source>
        <translation>Modell &amp;speichern …</translation>
    </message>
    <message>
        <source>Save the open model as a StarLocus model file (with its training record)</source>
        <translation>Das geöffnete Modell als StarLocus-Modelldatei speichern (mit seinem Trainingsprotokoll)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Show T&amp;raining Monitor</source>
        <translation>T&amp;rainingsmonitor anzeigen</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>Science</source>
        <translation>Wissenschaft</translation>
    </message>
    <message>
        <source>The paper&apos;s Figs. 6–12 for the open model and catalog</source>
        <translation>Die Abb. 6–12 des Artikels für das geöffnete Modell und den geöffneten Katalog</translation>
    </message>
    <message>
        <source>S&amp;cience Views</source>
        <translation>&amp;Wissenschaftsansichten</translation>
    </message>
    <message>
        <source>No catalog: the science views compare the model with observed stars. Open a catalog (File ▸ Open Catalog).</source>
        <translation>Kein Katalog: Die Wissenschaftsansichten vergleichen das Modell mit beobachteten Sternen. Öffnen Sie einen Katalog (Datei ▸ Katalog öffnen).</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>synthetic sky %p%</source>
        <translation>synthetischer Himmel %p%</translation>
    </message>
    <message>
        <source>Generating a synthetic sky of %1 stars…</source>
        <translation>Synthetischer Himmel mit %1 Sternen wird erzeugt …</translation>
    </message>
    <message>
        <source>Synthetic sky ready: %1 stars. Press %2 to train a model on it.</source>
        <translation>Synthetischer Himmel bereit: %1 Sterne. %2 startet das Training eines Modells.</translation>
    </message>
    <message>
        <source>Could not generate the synthetic sky</source>
        <translation>Synthetischer Himmel konnte nicht erzeugt werden</translation>
    </message>
    <message>
        <source>Stop the training run first: it reads the open catalog and writes its checkpoint file.</source>
        <translation>Stoppen Sie zuerst den Trainingslauf: Er liest den geöffneten Katalog und schreibt seine Checkpoint-Datei.</translation>
    </message>
    <message>
        <source>Save Model</source>
        <translation>Modell speichern</translation>
    </message>
    <message>
        <source>StarLocus models (*.h5);;All files (*)</source>
        <translation>StarLocus-Modelle (*.h5);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not save the model</source>
        <translation>Modell konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>A file is still being opened; try again in a moment.</source>
        <translation>Eine Datei wird noch geöffnet; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Model saved to %1.</source>
        <translation>Modell nach %1 gespeichert.</translation>
    </message>
    <message>
        <source>A training run is in progress. Stop it and quit?

The checkpoint of the last complete iteration stays in %1.</source>
        <translation>Ein Trainingslauf ist im Gange. Stoppen und beenden?

Der Checkpoint der letzten vollständigen Iteration bleibt in %1 erhalten.</translation>
    </message>
    <message>
        <source>Stopping the training run before closing…</source>
        <translation>Trainingslauf wird vor dem Schließen gestoppt …</translation>
    </message>
    <message>
        <source>No catalog and no model yet: open both (File menu), or train a model on the synthetic sky once it is ready (Training ▸ Train).</source>
        <translation>Noch kein Katalog und kein Modell: Öffnen Sie beide (Menü Datei) oder trainieren Sie ein Modell auf dem synthetischen Himmel, sobald er bereit ist (Training ▸ Trainieren).</translation>
    </message>
    <message numerus="yes">
        <source>No model yet: train one on the %Ln star(s) of the catalog (Training ▸ Train) or open one (File ▸ Open Model).</source>
        <translation>
            <numerusform>Noch kein Modell: Trainieren Sie eines auf dem %Ln Stern des Katalogs (Training ▸ Trainieren) oder öffnen Sie eines (Datei ▸ Modell öffnen).</numerusform>
            <numerusform>Noch kein Modell: Trainieren Sie eines auf den %Ln Sternen des Katalogs (Training ▸ Trainieren) oder öffnen Sie eines (Datei ▸ Modell öffnen).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Farben</translation>
    </message>
    <message>
        <source>As the &amp;Desktop</source>
        <translation>Wie der &amp;Desktop</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>D&amp;ark</source>
        <translation>D&amp;unkel</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop opening the file</source>
        <translation>Das Öffnen der Datei abbrechen</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled.</source>
        <translation>Das Öffnen von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Fit a Star</source>
        <translation>Stern anpassen</translation>
    </message>
    <message>
        <source>Teff, log g, [Fe/H], distance and extinction of one star from its photometry and parallax (Eq. 19)</source>
        <translation>Teff, log g, [Fe/H], Entfernung und Extinktion eines Sterns aus seiner Photometrie und Parallaxe (Gl. 19)</translation>
    </message>
    <message>
        <source>Catalog Fit</source>
        <translation>Katalog-Anpassung</translation>
    </message>
    <message>
        <source>Every star of the catalog fitted from photometry and parallax, against its spectroscopic labels and reddening</source>
        <translation>Jeder Stern des Katalogs aus Photometrie und Parallaxe angepasst, verglichen mit seinen spektroskopischen Parametern und seiner Rötung</translation>
    </message>
    <message>
        <source>&amp;Import Table…</source>
        <translation>Tabelle &amp;importieren…</translation>
    </message>
    <message>
        <source>Import survey tables (FITS, CSV, ECSV, VOTable) into a catalog with the paper&apos;s §3 rules</source>
        <translation>Durchmusterungstabellen (FITS, CSV, ECSV, VOTable) mit den Regeln aus §3 des Artikels in einen Katalog importieren</translation>
    </message>
    <message>
        <source>Import Survey Tables</source>
        <translation>Durchmusterungstabellen importieren</translation>
    </message>
    <message>
        <source>Catalog %1 imported; opening it…</source>
        <translation>Katalog %1 importiert; er wird geöffnet…</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::MappingPanel</name>
    <message>
        <source>1 field</source>
        <translation>1 Feld</translation>
    </message>
    <message>
        <source>%1 fields</source>
        <translation>%1 Felder</translation>
    </message>
    <message>
        <source>lacks %1</source>
        <translation>es fehlt %1</translation>
    </message>
    <message>
        <source>No preset matches these columns: map the fields below, or load a mapping spec.</source>
        <translation>Keine Vorlage passt zu diesen Spalten: die Felder unten zuordnen oder eine Zuordnungsdatei laden.</translation>
    </message>
    <message>
        <source>Presets found: %1</source>
        <translation>Gefundene Vorlagen: %1</translation>
    </message>
    <message>
        <source>&amp;Survey (atm_source):</source>
        <translation>&amp;Durchmusterung (atm_source):</translation>
    </message>
    <message>
        <source>&amp;Load Mapping…</source>
        <translation>Zuordnung &amp;laden…</translation>
    </message>
    <message>
        <source>Read a mapping spec (JSON, as starlocus-cli import --map reads it)</source>
        <translation>Eine Zuordnungsdatei lesen (JSON, wie starlocus-cli import --map sie liest)</translation>
    </message>
    <message>
        <source>Sa&amp;ve Mapping…</source>
        <translation>Zuordnung &amp;speichern…</translation>
    </message>
    <message>
        <source>Write this table&apos;s mapping as a spec (JSON) for starlocus-cli import --map</source>
        <translation>Die Zuordnung dieser Tabelle als Datei (JSON) für starlocus-cli import --map schreiben</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>&amp;Vorlagen</translation>
    </message>
    <message>
        <source>Back to the mapping the presets found</source>
        <translation>Zurück zur Zuordnung, die die Vorlagen gefunden haben</translation>
    </message>
    <message>
        <source>&amp;Mapped fields only</source>
        <translation>Nur &amp;zugeordnete Felder</translation>
    </message>
    <message>
        <source>Hide the optional fields no column feeds (required fields stay)</source>
        <translation>Optionale Felder ohne Spalte ausblenden (erforderliche Felder bleiben)</translation>
    </message>
    <message>
        <source>Mapping specs (*.json);;All files (*)</source>
        <translation>Zuordnungsdateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save Mapping</source>
        <translation>Zuordnung speichern</translation>
    </message>
    <message>
        <source>Load Mapping</source>
        <translation>Zuordnung laden</translation>
    </message>
    <message>
        <source>Add a table to map its columns.</source>
        <translation>Eine Tabelle hinzufügen, um ihre Spalten zuzuordnen.</translation>
    </message>
    <message>
        <source>Each star&apos;s survey comes from the column mapped to atm_source</source>
        <translation>Die Durchmusterung jedes Sterns kommt aus der Spalte, die atm_source zugeordnet ist</translation>
    </message>
    <message>
        <source>The spectroscopic survey every star of this table comes from: it decides the survey&apos;s quality rules and label offsets (§3.1)</source>
        <translation>Die spektroskopische Durchmusterung, aus der jeder Stern dieser Tabelle stammt: sie bestimmt die Qualitätsregeln und Label-Verschiebungen der Durchmusterung (§3.1)</translation>
    </message>
    <message>
        <source>%1: could not read the mapping: %2</source>
        <translation>%1: die Zuordnung konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: could not write the mapping: %2</source>
        <translation>%1: die Zuordnung konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Mapping read from %1.</source>
        <translation>Zuordnung aus %1 gelesen.</translation>
    </message>
    <message>
        <source>Mapping written to %1.</source>
        <translation>Zuordnung nach %1 geschrieben.</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::MarginalMapPlot</name>
    <message>
        <source>posterior density (peak 1)</source>
        <translation>Posterior-Dichte (Maximum 1)</translation>
    </message>
    <message>
        <source>Posterior of %1 and %2 (colour: density, peak 1): dashed lines the medians, × the MAP point, ★ the catalog values</source>
        <translation>Posterior von %1 und %2 (Farbe: Dichte, Maximum 1): gestrichelte Linien die Mediane, × der MAP-Punkt, ★ die Katalogwerte</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::MarginalPlot</name>
    <message>
        <source>p (peak 1)</source>
        <translation>p (Maximum 1)</translation>
    </message>
    <message>
        <source>Posterior of %1: shaded 16–84 %, solid line the median, dotted the MAP, dashed the catalog value</source>
        <translation>Posterior von %1: schattiert 16–84 %, durchgezogene Linie der Median, gepunktet der MAP, gestrichelt der Katalogwert</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::MeanLabelView</name>
    <message>
        <source>Fig. 7 — Mean labels across the predicted CMD</source>
        <translation>Abb. 7 — Mittlere Labels im vorhergesagten FHD</translation>
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
        <source>expected two different bands as X-Y (e.g. BP-RP), got &apos;%1&apos;</source>
        <translation>erwartet zwei verschiedene Bänder als X-Y (z. B. BP-RP), erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a whole number ≥ 1, got &apos;%1&apos;</source>
        <translation>erwartet eine ganze Zahl ≥ 1, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>mean Teff</source>
        <translation>mittlere Teff</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>mean log g</source>
        <translation>mittleres log g</translation>
    </message>
    <message>
        <source>dex</source>
        <translation>dex</translation>
    </message>
    <message>
        <source>mean [Fe/H]</source>
        <translation>mittleres [Fe/H]</translation>
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
        <source>No star has finite labels: nothing to predict.</source>
        <translation>Kein Stern hat endliche Labels: nichts vorherzusagen.</translation>
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
    <message>
        <source>synthetic sky of %1 stars (seed %2)</source>
        <translation>synthetischer Himmel aus %1 Sternen (Seed %2)</translation>
    </message>
    <message>
        <source>Trained on:</source>
        <translation>Trainiert mit:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Hinweis:</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>noch nicht gespeichert</translation>
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
    <name>starlocus::ui::ReddeningSlopeView</name>
    <message>
        <source>Fig. 11 — Reddening slopes against Schlafly et al. (2016)</source>
        <translation>Abb. 11 — Rötungssteigungen gegen Schlafly et al. (2016)</translation>
    </message>
    <message>
        <source>expected a whole number from 1 to 41, got &apos;%1&apos;</source>
        <translation>erwartet eine ganze Zahl von 1 bis 41, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected R_V between 1 and 10, got &apos;%1&apos;</source>
        <translation>erwartet R_V zwischen 1 und 10, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>band triple b₁b₂b₃</source>
        <translation>Bandtripel b₁b₂b₃</translation>
    </message>
    <message>
        <source>reddening slope E(b₁ − b₂) / E(b₂ − b₃)</source>
        <translation>Rötungssteigung E(b₁ − b₂) / E(b₂ − b₃)</translation>
    </message>
    <message>
        <source>learned, 16–84 % over stars</source>
        <translation>gelernt, 16–84 % über die Sterne</translation>
    </message>
    <message>
        <source>R_V = %1</source>
        <translation>R_V = %1</translation>
    </message>
    <message>
        <source>Schlafly et al. (2016), R_V %1 … %2</source>
        <translation>Schlafly et al. (2016), R_V %1 … %2</translation>
    </message>
    <message>
        <source>learned R(θ̄)</source>
        <translation>gelerntes R(θ̄)</translation>
    </message>
    <message>
        <source>No star has finite labels: the learned slopes need the mean labels.</source>
        <translation>Kein Stern hat endliche Labels: die gelernten Steigungen brauchen die mittleren Labels.</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::RuleCountJob</name>
    <message>
        <source>not enough memory to count the rules</source>
        <translation>nicht genug Speicher, um die Regeln zu zählen</translation>
    </message>
    <message>
        <source>internal error while counting the rules (a bug: please report it): %1</source>
        <translation>interner Fehler beim Zählen der Regeln (ein Programmfehler: bitte melden): %1</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::RulePanel</name>
    <message>
        <source>auto: given when ebv_prior is mapped, else as the paper</source>
        <translation>automatisch: vorgegeben, wenn ebv_prior zugeordnet ist, sonst wie im Artikel</translation>
    </message>
    <message>
        <source>paper: from SFD, Bayestar19 and the parallax (§3.3)</source>
        <translation>Artikel: aus SFD, Bayestar19 und der Parallaxe (§3.3)</translation>
    </message>
    <message>
        <source>given: ebv_prior and ebv_prior_err as mapped</source>
        <translation>vorgegeben: ebv_prior und ebv_prior_err wie zugeordnet</translation>
    </message>
    <message>
        <source>How each star&apos;s reddening prior Ê, σ_E is made</source>
        <translation>Wie der Rötungs-Prior Ê, σ_E jedes Sterns gebildet wird</translation>
    </message>
    <message>
        <source>&amp;Reddening prior:</source>
        <translation>&amp;Rötungs-Prior:</translation>
    </message>
    <message>
        <source>Paper&apos;s &amp;Values</source>
        <translation>&amp;Werte des Artikels</translation>
    </message>
    <message>
        <source>Every rule on, with the paper&apos;s parameters</source>
        <translation>Alle Regeln an, mit den Parametern des Artikels</translation>
    </message>
    <message>
        <source>Select a rule to read what it does; double-click a parameter to change it.</source>
        <translation>Eine Regel auswählen, um zu lesen, was sie tut; Doppelklick auf einen Parameter, um ihn zu ändern.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Zählung läuft…</translation>
    </message>
    <message>
        <source>Counting… %1 rows read</source>
        <translation>Zählung läuft… %1 Zeilen gelesen</translation>
    </message>
    <message>
        <source>Stars in: &lt;b&gt;%1&lt;/b&gt; rows &amp;nbsp;→&amp;nbsp; stars out: &lt;b&gt;%2&lt;/b&gt; &amp;nbsp;(%3 removed)</source>
        <translation>Eingang: &lt;b&gt;%1&lt;/b&gt; Zeilen &amp;nbsp;→&amp;nbsp; übernommen: &lt;b&gt;%2&lt;/b&gt; Sterne &amp;nbsp;(%3 entfernt)</translation>
    </message>
    <message>
        <source>No star passes the rules: switch rules off or change their parameters.</source>
        <translation>Kein Stern besteht die Regeln: Regeln ausschalten oder ihre Parameter ändern.</translation>
    </message>
    <message>
        <source>Stars in: – &amp;nbsp;→&amp;nbsp; stars out: –</source>
        <translation>Eingang: – &amp;nbsp;→&amp;nbsp; übernommen: –</translation>
    </message>
    <message>
        <source>Cannot count: %1</source>
        <translation>Zählen nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::RuleSettingsModel</name>
    <message>
        <source>validity</source>
        <translation>Gültigkeit</translation>
    </message>
    <message>
        <source>removes stars</source>
        <translation>entfernt Sterne</translation>
    </message>
    <message>
        <source>removes bands</source>
        <translation>entfernt Bänder</translation>
    </message>
    <message>
        <source>changes values</source>
        <translation>ändert Werte</translation>
    </message>
    <message>
        <source>counts</source>
        <translation>zählt</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>1 star</source>
        <translation>1 Stern</translation>
    </message>
    <message>
        <source>%1 stars</source>
        <translation>%1 Sterne</translation>
    </message>
    <message>
        <source>1 band</source>
        <translation>1 Band</translation>
    </message>
    <message>
        <source>%1 bands</source>
        <translation>%1 Bänder</translation>
    </message>
    <message>
        <source>Always on: it drops values no star can have.</source>
        <translation>Immer an: sie verwirft Werte, die kein Stern haben kann.</translation>
    </message>
    <message>
        <source>bands: %1</source>
        <translation>Bänder: %1</translation>
    </message>
    <message>
        <source>regimes: sfd %1, b19 %2, default %3</source>
        <translation>Bereiche: sfd %1, b19 %2, default %3</translation>
    </message>
    <message>
        <source>Paper&apos;s value: %1 %2</source>
        <translation>Wert im Artikel: %1 %2</translation>
    </message>
    <message>
        <source>On the loaded tables, with this mapping and these settings: stars or bands each rule removes (a star is counted by the first rule that removes it), or changes</source>
        <translation>Auf den geladenen Tabellen, mit dieser Zuordnung und diesen Einstellungen: Sterne oder Bänder, die jede Regel entfernt (ein Stern zählt bei der ersten Regel, die ihn entfernt) oder ändert</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Removes / changes</source>
        <translation>Entfernt / ändert</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::ScienceTab</name>
    <message>
        <source>Could not prepare the science views: %1</source>
        <translation>Die Wissenschaftsansichten konnten nicht vorbereitet werden: %1</translation>
    </message>
    <message>
        <source>(Not the test split: %1.)</source>
        <translation>(Nicht die Testaufteilung: %1.)</translation>
    </message>
    <message>
        <source>Open a model and a catalog to see the science views.</source>
        <translation>Öffnen Sie ein Modell und einen Katalog, um die Wissenschaftsansichten zu sehen.</translation>
    </message>
    <message>
        <source>No model: open or train one to see the science views.</source>
        <translation>Kein Modell: Öffnen oder trainieren Sie eines, um die Wissenschaftsansichten zu sehen.</translation>
    </message>
    <message>
        <source>No catalog: open one to see the science views.</source>
        <translation>Kein Katalog: Öffnen Sie einen, um die Wissenschaftsansichten zu sehen.</translation>
    </message>
    <message>
        <source>no stars selected</source>
        <translation>keine Sterne ausgewählt</translation>
    </message>
    <message>
        <source>Export Selected Stars</source>
        <translation>Ausgewählte Sterne exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not export the selection</source>
        <translation>Die Auswahl konnte nicht exportiert werden</translation>
    </message>
    <message>
        <source>Export Figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>Could not export the figure</source>
        <translation>Die Abbildung konnte nicht exportiert werden</translation>
    </message>
    <message>
        <source>&amp;Select Box</source>
        <translation>Rechteck &amp;auswählen</translation>
    </message>
    <message>
        <source>Drag a box in any panel to select the stars inside it; they are highlighted in every view</source>
        <translation>Ziehen Sie in einem beliebigen Feld ein Rechteck, um die Sterne darin auszuwählen; sie werden in jeder Ansicht hervorgehoben</translation>
    </message>
    <message>
        <source>&amp;Lasso</source>
        <translation>&amp;Lasso</translation>
    </message>
    <message>
        <source>Draw a closed outline in any panel to select the stars inside it</source>
        <translation>Zeichnen Sie in einem beliebigen Feld einen geschlossenen Umriss, um die Sterne darin auszuwählen</translation>
    </message>
    <message>
        <source>C&amp;lear Selection</source>
        <translation>Auswahl &amp;leeren</translation>
    </message>
    <message>
        <source>Export Selection…</source>
        <translation>Auswahl exportieren…</translation>
    </message>
    <message>
        <source>&amp;Export Figure…</source>
        <translation>Abbildung &amp;exportieren…</translation>
    </message>
    <message>
        <source>Copy as Command</source>
        <translation>Als Befehl kopieren</translation>
    </message>
    <message numerus="yes">
        <source>%Ln test star(s) of the model&apos;s training run; reddening re-fitted (Eqs. 8–9).</source>
        <translation>
            <numerusform>%Ln Teststern des Trainingslaufs des Modells; Rötung neu angepasst (Gl. 8–9).</numerusform>
            <numerusform>%Ln Teststerne des Trainingslaufs des Modells; Rötung neu angepasst (Gl. 8–9).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln star(s) of the catalog; reddening re-fitted (Eqs. 8–9).</source>
        <translation>
            <numerusform>Der %Ln Stern des Katalogs; Rötung neu angepasst (Gl. 8–9).</numerusform>
            <numerusform>Alle %Ln Sterne des Katalogs; Rötung neu angepasst (Gl. 8–9).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preparing the science views for %Ln star(s)…</source>
        <translation>
            <numerusform>Die Wissenschaftsansichten werden für %Ln Stern vorbereitet…</numerusform>
            <numerusform>Die Wissenschaftsansichten werden für %Ln Sterne vorbereitet…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln star(s) selected</source>
        <translation>
            <numerusform>%Ln Stern ausgewählt</numerusform>
            <numerusform>%Ln Sterne ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>The command needs the model and the catalog as files: save the trained model (File ▸ Save Model) and open it with a catalog file</source>
        <translation>Der Befehl braucht Modell und Katalog als Dateien: Speichern Sie das trainierte Modell (Datei ▸ Modell speichern) und öffnen Sie es mit einer Katalogdatei</translation>
    </message>
    <message>
        <source>Copy the starlocus-figures line that reproduces this view</source>
        <translation>Die starlocus-figures-Zeile kopieren, die diese Ansicht erzeugt</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::ScienceView</name>
    <message>
        <source>view &apos;%1&apos; has no setting &apos;%2&apos; (settings: %3)</source>
        <translation>Ansicht &apos;%1&apos; hat keine Einstellung &apos;%2&apos; (Einstellungen: %3)</translation>
    </message>
    <message>
        <source>setting &apos;%1&apos; of view &apos;%2&apos; must be one of %3, not &apos;%4&apos;</source>
        <translation>Einstellung &apos;%1&apos; der Ansicht &apos;%2&apos; muss eines von %3 sein, nicht &apos;%4&apos;</translation>
    </message>
    <message>
        <source>setting &apos;%1&apos; of view &apos;%2&apos;: %3</source>
        <translation>Einstellung &apos;%1&apos; der Ansicht &apos;%2&apos;: %3</translation>
    </message>
    <message>
        <source>Open a model and a catalog to see this view.</source>
        <translation>Öffnen Sie ein Modell und einen Katalog, um diese Ansicht zu sehen.</translation>
    </message>
    <message>
        <source>The model&apos;s training run has no test stars in this catalog: nothing to show.</source>
        <translation>Der Trainingslauf des Modells hat in diesem Katalog keine Teststerne: nichts darzustellen.</translation>
    </message>
    <message>
        <source>The catalog has no stars: nothing to show.</source>
        <translation>Der Katalog enthält keine Sterne: nichts darzustellen.</translation>
    </message>
    <message>
        <source>This panel has no per-star positions: select in another view.</source>
        <translation>Dieses Feld hat keine Positionen einzelner Sterne: wählen Sie in einer anderen Ansicht aus.</translation>
    </message>
    <message numerus="yes">
        <source>selected (%n stars)</source>
        <translation>
            <numerusform>ausgewählt (%n Stern)</numerusform>
            <numerusform>ausgewählt (%n Sterne)</numerusform>
        </translation>
    </message>
    <message>
        <source>view &apos;%1&apos; has nothing to export: %2</source>
        <translation>Ansicht &apos;%1&apos; hat nichts zu exportieren: %2</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::ScoreView</name>
    <message>
        <source>Fig. 12 — Colour scores against labels and reddening</source>
        <translation>Abb. 12 — Farb-Scores gegen Labels und Rötung</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Farben:</translation>
    </message>
    <message>
        <source>expected colours X-Y separated by commas (e.g. r-G,g-r), got &apos;%1&apos;</source>
        <translation>erwartet durch Kommas getrennte Farben X-Y (z. B. r-G,g-r), erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a positive number, got &apos;%1&apos;</source>
        <translation>erwartet eine positive Zahl, erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Teff</source>
        <translation>Teff</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>log g</source>
        <translation>log g</translation>
    </message>
    <message>
        <source>dex</source>
        <translation>dex</translation>
    </message>
    <message>
        <source>[Fe/H]</source>
        <translation>[Fe/H]</translation>
    </message>
    <message>
        <source>E (best fit)</source>
        <translation>E (beste Anpassung)</translation>
    </message>
    <message>
        <source>mag</source>
        <translation>mag</translation>
    </message>
    <message>
        <source>score Δ(%1)/σ</source>
        <translation>Score Δ(%1)/σ</translation>
    </message>
    <message>
        <source>No star has a score for %1:
%2 unobserved, %3 without a reddening fit.</source>
        <translation>Kein Stern hat einen Score für %1:
%2 unbeobachtet, %3 ohne Rötungsanpassung.</translation>
    </message>
    <message>
        <source>stars per pixel</source>
        <translation>Sterne pro Pixel</translation>
    </message>
    <message>
        <source>16 %</source>
        <translation>16 %</translation>
    </message>
    <message>
        <source>50 %</source>
        <translation>50 %</translation>
    </message>
    <message>
        <source>84 %</source>
        <translation>84 %</translation>
    </message>
    <message>
        <source>16 / 50 / 84 %</source>
        <translation>16 / 50 / 84 %</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::SessionDensity</name>
    <message>
        <source>No training density from the authors&apos; file: %1</source>
        <translation>Keine Trainingsdichte aus der Datei der Autoren: %1</translation>
    </message>
    <message>
        <source>no catalog, and no density file beside the model</source>
        <translation>kein Katalog und keine Dichtedatei neben dem Modell</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <source>Training density: %1</source>
        <translation>Trainingsdichte: %1</translation>
    </message>
    <message>
        <source>none could be made</source>
        <translation>keine konnte erstellt werden</translation>
    </message>
    <message>
        <source>No training density: %1</source>
        <translation>Keine Trainingsdichte: %1</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::SessionLoader</name>
    <message>
        <source>%1: unknown error while reading the file</source>
        <translation>%1: unbekannter Fehler beim Lesen der Datei</translation>
    </message>
    <message>
        <source>%1: not enough memory to read this file</source>
        <translation>%1: nicht genug Arbeitsspeicher, um diese Datei zu lesen</translation>
    </message>
    <message>
        <source>%1: internal error while reading the file (a bug: please report it): %2</source>
        <translation>%1: interner Fehler beim Lesen der Datei (ein Programmfehler: bitte melden): %2</translation>
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
<context>
    <name>starlocus::ui::SourceDelegate</name>
    <message>
        <source>(not mapped)</source>
        <translation>(nicht zugeordnet)</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::StarFitCmdPlot</name>
    <message>
        <source>observed, m̂ − μ (MAP)</source>
        <translation>beobachtet, m̂ − μ (MAP)</translation>
    </message>
    <message>
        <source>best fit M + E·R (MAP)</source>
        <translation>beste Anpassung M + E·R (MAP)</translation>
    </message>
    <message>
        <source>catalog stars per bin</source>
        <translation>Katalogsterne pro Bin</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::StarFitInputPanel</name>
    <message>
        <source>No catalog: type the photometry instead.</source>
        <translation>Kein Katalog: Geben Sie stattdessen die Photometrie ein.</translation>
    </message>
    <message>
        <source>Star %1 of %2. Catalog (not used by the fit): Teff %3 K, log g %4, [Fe/H] %5, Ê %6, parallax %7 ± %8 mas.</source>
        <translation>Stern %1 von %2. Katalog (von der Anpassung nicht verwendet): Teff %3 K, log g %4, [Fe/H] %5, Ê %6, Parallaxe %7 ± %8 mas.</translation>
    </message>
    <message numerus="yes">
        <source>%n star(s) selected in the science views.</source>
        <translation>
            <numerusform>%n Stern in den Wissenschaftsansichten ausgewählt.</numerusform>
            <numerusform>%n Sterne in den Wissenschaftsansichten ausgewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Star</source>
        <translation>Stern</translation>
    </message>
    <message>
        <source>&amp;Catalog star</source>
        <translation>&amp;Katalogstern</translation>
    </message>
    <message>
        <source>&amp;Typed photometry</source>
        <translation>&amp;Eingegebene Photometrie</translation>
    </message>
    <message>
        <source>&amp;Row:</source>
        <translation>&amp;Zeile:</translation>
    </message>
    <message>
        <source>Row of the open catalog (0 = first star)</source>
        <translation>Zeile des geöffneten Katalogs (0 = erster Stern)</translation>
    </message>
    <message>
        <source>&amp;Follow the science views&apos; selection</source>
        <translation>Der Auswahl der Wissenschaftsansichten &amp;folgen</translation>
    </message>
    <message>
        <source>Fit the first star selected in the science views (box or lasso select)</source>
        <translation>Den ersten in den Wissenschaftsansichten ausgewählten Stern anpassen (Rechteck- oder Lasso-Auswahl)</translation>
    </message>
    <message>
        <source>m [mag]</source>
        <translation>m [mag]</translation>
    </message>
    <message>
        <source>σ [mag]</source>
        <translation>σ [mag]</translation>
    </message>
    <message>
        <source>Apparent magnitudes as the catalog gives them (an empty cell: band not observed)</source>
        <translation>Scheinbare Helligkeiten, wie der Katalog sie angibt (leere Zelle: Band nicht beobachtet)</translation>
    </message>
    <message>
        <source>ϖ [mas]:</source>
        <translation>ϖ [mas]:</translation>
    </message>
    <message>
        <source>Parallax; leave empty for none</source>
        <translation>Parallaxe; leer lassen für keine</translation>
    </message>
    <message>
        <source>C&amp;opy Catalog Star</source>
        <translation>Katalogstern &amp;übernehmen</translation>
    </message>
    <message>
        <source>F&amp;it</source>
        <translation>&amp;Anpassen</translation>
    </message>
    <message>
        <source>Priors</source>
        <translation>Priors</translation>
    </message>
    <message>
        <source>&amp;θ:</source>
        <translation>&amp;θ:</translation>
    </message>
    <message>
        <source>&amp;Distance:</source>
        <translation>E&amp;ntfernung:</translation>
    </message>
    <message>
        <source>&amp;E:</source>
        <translation>&amp;E:</translation>
    </message>
    <message>
        <source>flat in the valid region</source>
        <translation>flach im gültigen Bereich</translation>
    </message>
    <message>
        <source>training density</source>
        <translation>Trainingsdichte</translation>
    </message>
    <message>
        <source>flat over the whole grid (box)</source>
        <translation>flach über das ganze Gitter (Box)</translation>
    </message>
    <message>
        <source>Valid region and training density need the model&apos;s training density (§7)</source>
        <translation>Gültiger Bereich und Trainingsdichte brauchen die Trainingsdichte des Modells (§7)</translation>
    </message>
    <message>
        <source>flat in μ</source>
        <translation>flach in μ</translation>
    </message>
    <message>
        <source>Galactic model (needs l, b)</source>
        <translation>galaktisches Modell (braucht l, b)</translation>
    </message>
    <message>
        <source>flat, E ≥ 0</source>
        <translation>flach, E ≥ 0</translation>
    </message>
    <message>
        <source>catalog Ê ± σ_E</source>
        <translation>Katalog Ê ± σ_E</translation>
    </message>
    <message>
        <source>Ê [mag]:</source>
        <translation>Ê [mag]:</translation>
    </message>
    <message>
        <source>Reddening expected from a dust map, with its σ: used only by the E prior &quot;catalog Ê ± σ_E&quot;</source>
        <translation>Aus einer Staubkarte erwartete Rötung mit ihrem σ: nur vom E-Prior „Katalog Ê ± σ_E“ verwendet</translation>
    </message>
    <message>
        <source>l, b [°]:</source>
        <translation>l, b [°]:</translation>
    </message>
    <message>
        <source>Galactic longitude and latitude: used only by the Galactic distance prior</source>
        <translation>Galaktische Länge und Breite: nur vom galaktischen Entfernungs-Prior verwendet</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::StarFitJob</name>
    <message>
        <source>not enough memory for the label grid</source>
        <translation>nicht genug Speicher für das Parametergitter</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::StarFitView</name>
    <message>
        <source>Building the label grid: the model at every θ node of the prior&apos;s support (seconds)…</source>
        <translation>Das Parametergitter wird gebaut: das Modell an jedem θ-Knoten im Träger des Priors (Sekunden) …</translation>
    </message>
    <message>
        <source>No label grid: %1</source>
        <translation>Kein Parametergitter: %1</translation>
    </message>
    <message>
        <source>No model yet: open one (File ▸ Open Model) or train one (Training ▸ Train), then fit stars with it here.</source>
        <translation>Noch kein Modell: Öffnen Sie eines (Datei ▸ Modell öffnen) oder trainieren Sie eines (Training ▸ Trainieren) und passen Sie dann hier Sterne damit an.</translation>
    </message>
    <message>
        <source>Reading the model&apos;s training density…</source>
        <translation>Die Trainingsdichte des Modells wird gelesen …</translation>
    </message>
    <message>
        <source>Catalog star %1</source>
        <translation>Katalogstern %1</translation>
    </message>
    <message>
        <source>Typed photometry</source>
        <translation>Eingegebene Photometrie</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Label grid: %1 nodes, θ prior %2, built in %3 s.</source>
        <translation>Parametergitter: %1 Knoten, θ-Prior %2, gebaut in %3 s.</translation>
    </message>
    <message>
        <source>Building the label grid…</source>
        <translation>Das Parametergitter wird gebaut …</translation>
    </message>
    <message>
        <source>No training density for this model (%1): the θ prior is flat over the whole grid (box) and the fraction at low density is unknown.</source>
        <translation>Keine Trainingsdichte für dieses Modell (%1): Der θ-Prior ist flach über das ganze Gitter (Box), und der Anteil bei geringer Dichte ist unbekannt.</translation>
    </message>
    <message>
        <source>Posterior from photometry and parallax (Eq. 19)</source>
        <translation>Posterior aus Photometrie und Parallaxe (Gl. 19)</translation>
    </message>
    <message>
        <source>On the model&apos;s colour–magnitude diagram</source>
        <translation>Im Farben-Helligkeits-Diagramm des Modells</translation>
    </message>
    <message>
        <source>Residuals per band at the MAP point</source>
        <translation>Residuen je Band am MAP-Punkt</translation>
    </message>
    <message>
        <source>The numbers of the fit appear here.</source>
        <translation>Die Zahlen der Anpassung erscheinen hier.</translation>
    </message>
    <message>
        <source>Last fit %1 ms, drawn %2 ms after the request (drawing %3 ms).</source>
        <translation>Letzte Anpassung %1 ms, gezeichnet %2 ms nach der Anfrage (Zeichnen %3 ms).</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::StarSelection</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::SyntheticSkyJob</name>
    <message>
        <source>synthetic sky: %1 stars, seed %2</source>
        <translation>synthetischer Himmel: %1 Sterne, Startwert %2</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::TableListPanel</name>
    <message>
        <source>Tables stacked into one catalog (one per spectroscopic survey, §3.4); select one to see its columns and mapping</source>
        <translation>Tabellen, die zu einem Katalog gestapelt werden (eine je spektroskopischer Durchmusterung, §3.4); eine auswählen, um ihre Spalten und Zuordnung zu sehen</translation>
    </message>
    <message>
        <source>&amp;Add Table…</source>
        <translation>Tabelle &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop loading the table</source>
        <translation>Das Laden der Tabelle abbrechen</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>rows not counted</source>
        <translation>Zeilen nicht gezählt</translation>
    </message>
    <message>
        <source>%1 — %2, %3, %4 columns</source>
        <translation>%1 — %2, %3, %4 Spalten</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::TableLoadJob</name>
    <message>
        <source>%1: not enough memory to read this table</source>
        <translation>%1: nicht genug Speicher, um diese Tabelle zu lesen</translation>
    </message>
    <message>
        <source>%1: internal error while reading the table (a bug: please report it): %2</source>
        <translation>%1: interner Fehler beim Lesen der Tabelle (ein Programmfehler: bitte melden): %2</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::TablePreviewModel</name>
    <message>
        <source>null (no value)</source>
        <translation>null (kein Wert)</translation>
    </message>
    <message>
        <source>type: %1 (%2 in the file)</source>
        <translation>Typ: %1 (%2 in der Datei)</translation>
    </message>
    <message>
        <source>unit: %1</source>
        <translation>Einheit: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>UCD: %1</source>
        <translation>UCD: %1</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::TrainingMonitorView</name>
    <message>
        <source>Export Training History</source>
        <translation>Trainingsverlauf exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not write the training history: %1</source>
        <translation>Trainingsverlauf konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>&amp;x:</source>
        <translation>&amp;x:</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>stars processed</source>
        <translation>verarbeitete Sterne</translation>
    </message>
    <message>
        <source>wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>&amp;y:</source>
        <translation>&amp;y:</translation>
    </message>
    <message>
        <source>logarithmic</source>
        <translation>logarithmisch</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>linear</translation>
    </message>
    <message>
        <source>&amp;Smoothing:</source>
        <translation>&amp;Glättung:</translation>
    </message>
    <message>
        <source>Exponential moving average over every epoch; the raw curve stays drawn faintly</source>
        <translation>Exponentieller gleitender Mittelwert über alle Epochen; die Rohkurve bleibt blass sichtbar</translation>
    </message>
    <message>
        <source>&amp;Fix limits</source>
        <translation>Grenzen &amp;festlegen</translation>
    </message>
    <message>
        <source>Keep the axis ranges typed here instead of fitting every point</source>
        <translation>Die hier eingegebenen Achsenbereiche beibehalten, statt alle Punkte einzupassen</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren …</translation>
    </message>
    <message>
        <source>Save every epoch and iteration of this run as CSV</source>
        <translation>Jede Epoche und Iteration dieses Laufs als CSV speichern</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::TrainingSettingsDialog</name>
    <message>
        <source>Training Settings</source>
        <translation>Trainingseinstellungen</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <source>Schedule (§4)</source>
        <translation>Ablauf (§4)</translation>
    </message>
    <message>
        <source>&amp;Iterations:</source>
        <translation>&amp;Iterationen:</translation>
    </message>
    <message>
        <source>&amp;Epochs per iteration:</source>
        <translation>&amp;Epochen pro Iteration:</translation>
    </message>
    <message>
        <source>&amp;Batch size [stars]:</source>
        <translation>&amp;Batchgröße [Sterne]:</translation>
    </message>
    <message>
        <source>&amp;Learning rate:</source>
        <translation>&amp;Lernrate:</translation>
    </message>
    <message>
        <source>Learning-rate &amp;decay per iteration:</source>
        <translation>Lernraten-&amp;Abnahme pro Iteration:</translation>
    </message>
    <message>
        <source>Loss and network (Eq. 15)</source>
        <translation>Verlust und Netz (Gl. 15)</translation>
    </message>
    <message>
        <source>λ_s, L2 on the hidden &amp;kernels:</source>
        <translation>λ_s, L2 auf den verborgenen &amp;Kernen:</translation>
    </message>
    <message>
        <source>λ_r, L1 on the &amp;R kernel:</source>
        <translation>λ_r, L1 auf dem &amp;R-Kern:</translation>
    </message>
    <message>
        <source>&amp;Hidden layers (sizes):</source>
        <translation>&amp;Verborgene Schichten (Größen):</translation>
    </message>
    <message>
        <source>Comma-separated widths, e.g. 32, 32</source>
        <translation>Kommagetrennte Breiten, z. B. 32, 32</translation>
    </message>
    <message>
        <source>Outlier cut (§4)</source>
        <translation>Ausreißerschnitt (§4)</translation>
    </message>
    <message>
        <source>χ²/dof threshold at the &amp;start:</source>
        <translation>χ²/dof-Schwelle am &amp;Anfang:</translation>
    </message>
    <message>
        <source>χ²/dof threshold at the e&amp;nd:</source>
        <translation>χ²/dof-Schwelle am E&amp;nde:</translation>
    </message>
    <message>
        <source>Iterations until the end &amp;threshold:</source>
        <translation>Iterationen bis zur End&amp;schwelle:</translation>
    </message>
    <message>
        <source>Iteration 1: largest σ_E [mag]:</source>
        <translation>Iteration 1: größtes σ_E [mag]:</translation>
    </message>
    <message>
        <source>Split and randomness</source>
        <translation>Aufteilung und Zufall</translation>
    </message>
    <message>
        <source>T&amp;raining fraction:</source>
        <translation>T&amp;rainingsanteil:</translation>
    </message>
    <message>
        <source>&amp;Validation fraction:</source>
        <translation>&amp;Validierungsanteil:</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>&amp;Startwert:</translation>
    </message>
    <message>
        <source>T&amp;hreads:</source>
        <translation>T&amp;hreads:</translation>
    </message>
    <message>
        <source>The rest of the stars after training and validation is the test set</source>
        <translation>Die übrigen Sterne nach Training und Validierung bilden die Testmenge</translation>
    </message>
    <message>
        <source>Restore &amp;Defaults</source>
        <translation>&amp;Standardwerte</translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>“%1” is not a whole number ≥ 0</source>
        <translation>„%1“ ist keine ganze Zahl ≥ 0</translation>
    </message>
    <message>
        <source>“%1” is not a comma-separated list of layer sizes</source>
        <translation>„%1“ ist keine kommagetrennte Liste von Schichtgrößen</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>auto: the paper&apos;s 25 where the catalog gives 50,000 optimisation steps per iteration, more epochs for smaller catalogs (at most 500)</source>
        <translation>automatisch: die 25 Epochen des Artikels, wo der Katalog 50.000 Optimierungsschritte je Iteration ergibt, mehr Epochen für kleinere Kataloge (höchstens 500)</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::TrainingView</name>
    <message>
        <source>Resume from Checkpoint</source>
        <translation>Vom Checkpoint fortsetzen</translation>
    </message>
    <message>
        <source>Training checkpoints (*.h5 *.hdf5);;All files (*)</source>
        <translation>Trainings-Checkpoints (*.h5 *.hdf5);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not export the training history</source>
        <translation>Trainingsverlauf konnte nicht exportiert werden</translation>
    </message>
    <message>
        <source>Training history written to %1.</source>
        <translation>Trainingsverlauf nach %1 geschrieben.</translation>
    </message>
    <message>
        <source>%p% · ETA –</source>
        <translation>%p% · Restzeit –</translation>
    </message>
    <message>
        <source>Preparing the first iteration…</source>
        <translation>Erste Iteration wird vorbereitet …</translation>
    </message>
    <message>
        <source>iteration %1, epoch %2</source>
        <translation>Iteration %1, Epoche %2</translation>
    </message>
    <message>
        <source>%p% · ETA %1</source>
        <translation>%p% · Restzeit %1</translation>
    </message>
    <message>
        <source>Iteration %1/%2 · epoch %3/%4</source>
        <translation>Iteration %1/%2 · Epoche %3/%4</translation>
    </message>
    <message>
        <source>%1 · paused</source>
        <translation>%1 · pausiert</translation>
    </message>
    <message>
        <source>Iteration %1 done: χ²/dof cut at %2, %3 stars left out, test ⟨χ²/dof⟩ %4.</source>
        <translation>Iteration %1 fertig: χ²/dof-Schnitt bei %2, %3 Sterne ausgeschlossen, Test-⟨χ²/dof⟩ %4.</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n complete iteration(s)</source>
        <translation>
            <numerusform>Angehalten nach %n vollständigen Iteration</numerusform>
            <numerusform>Angehalten nach %n vollständigen Iterationen</numerusform>
        </translation>
    </message>
    <message>
        <source>Training stopped; the checkpoint after iteration %1 is kept in %2.</source>
        <translation>Training gestoppt; der Checkpoint nach Iteration %1 bleibt in %2 erhalten.</translation>
    </message>
    <message>
        <source>Training stopped before the first iteration was complete.</source>
        <translation>Training gestoppt, bevor die erste Iteration vollständig war.</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n iteration(s)</source>
        <translation>
            <numerusform>Fertig: %n Iteration</numerusform>
            <numerusform>Fertig: %n Iterationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Training finished after %n iteration(s); the model is open in the explorer.</source>
        <translation>
            <numerusform>Training nach %n Iteration beendet; das Modell ist im Explorer geöffnet.</numerusform>
            <numerusform>Training nach %n Iterationen beendet; das Modell ist im Explorer geöffnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>Training fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing to train on</source>
        <translation>Nichts zum Trainieren</translation>
    </message>
    <message>
        <source>Open a catalog (or wait until the synthetic sky is ready) before starting training.</source>
        <translation>Öffnen Sie einen Katalog (oder warten Sie, bis der synthetische Himmel fertig ist), bevor Sie das Training starten.</translation>
    </message>
    <message numerus="yes">
        <source>Training started on %n star(s).</source>
        <translation>
            <numerusform>Training mit %n Stern gestartet.</numerusform>
            <numerusform>Training mit %n Sternen gestartet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resuming the run of %1.</source>
        <translation>Lauf aus %1 wird fortgesetzt.</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Stopping after the current mini-batch…</source>
        <translation>Stoppt nach dem aktuellen Mini-Batch …</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <source>Train a model on the open catalog with the current settings</source>
        <translation>Ein Modell mit den aktuellen Einstellungen am geöffneten Katalog trainieren</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Pause or resume the running training</source>
        <translation>Das laufende Training pausieren oder fortsetzen</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Stop training; the checkpoint of the last complete iteration is kept</source>
        <translation>Training stoppen; der Checkpoint der letzten vollständigen Iteration bleibt erhalten</translation>
    </message>
    <message>
        <source>Resume from &amp;Checkpoint…</source>
        <translation>Vom &amp;Checkpoint fortsetzen …</translation>
    </message>
    <message>
        <source>Continue a checkpointed run on the open catalog</source>
        <translation>Einen Lauf mit Checkpoint am geöffneten Katalog fortsetzen</translation>
    </message>
    <message>
        <source>Training &amp;Settings…</source>
        <translation>Trainings&amp;einstellungen …</translation>
    </message>
    <message>
        <source>Schedule, learning rate, regularisation, network, outlier cut, split</source>
        <translation>Ablauf, Lernrate, Regularisierung, Netz, Ausreißerschnitt, Aufteilung</translation>
    </message>
    <message>
        <source>Export Training &amp;History…</source>
        <translation>Trainings&amp;verlauf exportieren …</translation>
    </message>
    <message>
        <source>Save every epoch and iteration of the run as CSV</source>
        <translation>Jede Epoche und Iteration des Laufs als CSV speichern</translation>
    </message>
    <message>
        <source>Could not resume from the checkpoint</source>
        <translation>Fortsetzen vom Checkpoint nicht möglich</translation>
    </message>
    <message>
        <source>Iteration %1/%2 · epoch %3/%4 (auto)</source>
        <translation>Iteration %1/%2 · Epoche %3/%4 (automatisch)</translation>
    </message>
</context>
<context>
    <name>starlocus::ui::TrainingWorker</name>
    <message>
        <source>no catalog is open</source>
        <translation>kein Katalog ist geöffnet</translation>
    </message>
    <message>
        <source>not enough memory for this training run</source>
        <translation>nicht genug Speicher für diesen Trainingslauf</translation>
    </message>
    <message>
        <source>unknown error in the training run</source>
        <translation>unbekannter Fehler im Trainingslauf</translation>
    </message>
</context>
</TS>
