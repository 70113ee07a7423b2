# Gränssnittets meddelanden på svenska: fel, varningar och hjälp, förlopps- och
# sammanfattningsrader, hjälptexter och sidorna som `serve` visar. Varje meddelande har sin tvilling
# i en.ftl med samma `$värden` (ett test kontrollerar det). Ett meddelandes `.help` säger hur man
# rättar det som rapporteras.
#
# Ordlista: front matter = huvudet (raderna mellan `---`), layout = layout, region = region,
# löfte = pledge, sammanfattning = summary, tryckfil = print PDF, skärmversion = screen PDF.

test-plural = { $count ->
    [one] { $count } mening
   *[other] { $count } meningar
}
did-you-mean = menade du `{ $name }`?

## Huvudet (front matter)

kind = { $kind ->
    [empty] tomt
    [yes-no] ja/nej
    [number] ett tal
    [text] text
    [list] en lista
    [keys] en grupp nycklar
   *[tagged] ett märkt värde
}
key-not-a-word = nyckeln `{ kind }` är inte ett ord
    .help = skriv en nyckel per rad, t.ex. `title: Vårt program`
front-matter-missing-key = huvudet saknar `{ $key }`
    .help = lägg till en rad `{ $key }: { $example }` mellan `---`-raderna
example-title = Vårt program för regionen
front-matter-missing-lang = huvudet saknar `lang`
    .help = lägg till en rad `lang: sv` (eller textens språk: en, fi, se, fit …): skärmläsare behöver den för att uttala texten, och avstavning och citattecken följer den
not-a-language-tag = `{ $tag }` är ingen språkkod
    .help = använd en BCP 47-kod som `sv`, `en`, `fi`, `se` (nordsamiska) eller `fit` (meänkieli)
not-a-date = `{ $date }` är inget datum i formen ÅÅÅÅ-MM-DD
    .help = skriv datumet som år-månad-dag, t.ex. `date: 2022-09-11`
value-not-text = `{ $key }` måste vara text, inte { kind }
    .help = skriv `{ $key }: ` följt av texten på samma rad; sätt citattecken runt den om den innehåller `: ` eller börjar med ett specialtecken
value-empty = `{ $key }` är tom
    .help = skriv värdet efter `{ $key }:`
no-such-region = det finns ingen region `{ $region }`
    .help = regionerna är mapparna under layouts/: { $regions }; kör `trycksak new region NAMN` för att lägga till en
    .help-close = menade du `{ $close }`? Regionerna är mapparna under layouts/: { $regions }
front-matter-not-yaml = huvudet är inte giltig YAML: { $message }
yaml-duplicate-key = nyckeln `{ $key }` förekommer två gånger
    .help = varje nyckel får bara förekomma en gång: ta bort eller slå ihop den upprepade
yaml-unclosed-quote = det här citerade värdet avslutas aldrig
    .help = lägg till det avslutande citattecknet i slutet av värdet, på samma rad
yaml-tab = ett tabbtecken
    .help = YAML tillåter inte tabbar: dra in med mellanslag
yaml-colon = ett kolon i ett värde
    .help = sätt citattecken runt ett värde som innehåller `: `, t.ex. `title: "Vård: nu"`
yaml-other = inte en rad `nyckel: värde`
    .help = varje rad i huvudet är `nyckel: värde`; sätt citattecken runt ett värde som innehåller `: ` eller `#` eller börjar med ett specialtecken
unknown-key = okänd nyckel `{ $key }` { $place ->
    [none] i huvudet
   *[other] under `{ $place }`
}
    .help = nycklarna som är tillåtna här är: { $keys }
cover-not-a-group = `cover` måste ha en rad `image` och en rad `alt` under sig
    .help = skriv
        cover:
          image: bilder/omslag.jpg
          alt: Vad bilden visar
cover-no-image = `cover` saknar `image`
    .help = lägg till `image: sökväg/till/bild.jpg` (relativt den här filen) under `cover:`
cover-no-alt = omslagsbilden saknar alt-text
    .help = lägg till `alt:` under `cover:` med en kort beskrivning av vad bilden visar, för läsare som inte kan se den
cover-bad-alt = omslagsbildens alt-text beskriver inte bilden
    .help = beskriv vad bilden visar, t.ex. `alt: Sjukhuset i Kalix en vinterdag`
lix-target-range = `lix_target` måste vara ett tal från 10 till 100
    .help = t.ex. `lix_target: 45`: LIX 40–50 är medelsvårt, 30–40 lättläst
summary-pledges-count = `pledges` måste vara ett helt antal löften, 1 eller fler
    .help = t.ex. `pledges: 3` tar med de tre första löftena i varje avsnitt i sammanfattningen
summary-overflow-value = `overflow` måste vara `shorten` eller `error`
    .help = `shorten` utelämnar löftena som inte får plats, med en varning; `error` låter sammanfattningen misslyckas i stället

## Att läsa en källfil

source-too-large = filen är { $size } MB; en programfil får vara högst { $limit } MB
    .help = kontrollera att det här är programtexten; dela upp ett mycket långt program i flera filer
source-unreadable = filen kan inte läsas: { $why }
source-path = filen { $problem }
    .help = ett program måste vara en fil i projektmappen; kopiera in den i stället för att länka till den
path-problem = { $problem ->
    [url] är en webbadress
    [absolute] är en absolut sökväg
    [missing] finns inte
    [outside] leder utanför projektmappen
    [folder] är en mapp, inte en fil
   *[unreadable] kan inte läsas
}
not-utf8 = filen är inte giltig UTF-8-text
    .help = spara filen som UTF-8 (i de flesta redigerare: ”Spara som…” → teckenkodning UTF-8)
nul-byte = filen innehåller en NUL-byte: den ser ut att vara binärdata, inte text
    .help = öppna filen i en textredigerare och ta bort det felaktiga tecknet, eller spara den igen som ren UTF-8-text
control-character = filen innehåller ett osynligt styrtecken ({ $code })
    .help = ta bort det: ställ markören precis efter stället som visas och tryck backsteg (det följer ofta med text som klistrats in från ett ordbehandlingsprogram eller ett mejl)
empty-file = filen är tom
no-front-matter = filen börjar inte med ett huvud
starter = början av ett program
    .help = ett program börjar med ett huvud: en rad `---`, sedan rader som `title: Vårt program` och `region: norrbotten`, sedan en rad `---`; `trycksak new programme REGION/NAMN` skriver en komplett startfil
front-matter-unclosed = huvudet som börjar här avslutas aldrig
    .help = lägg till en rad med bara `---` efter huvudets sista nyckel, före programtexten
bad-file-name = filnamnet `{ $slug }.md` kan inte användas som namn på utdata
    .help = använd bara små bokstäver a–z, siffror och bindestreck: byt namn på filen till `{ $suggestion }.md`

## Bilder

image-is-url = bilden `{ $image }` är en webbadress; bilder måste vara filer i projektet
    .help = ladda ner bilden till projektet (t.ex. bredvid den här filen) och skriv dess filnamn
image-absolute = bildens sökväg `{ $image }` är absolut
    .help = skriv sökvägen relativt den här filen, t.ex. `bilder/omslag.jpg`
image-missing = bilden `{ $image }` finns inte (letade efter { $looked_at })
    .help = kontrollera stavningen; bildsökvägar är relativa till den här filen
image-outside = bilden `{ $image }` ligger utanför projektmappen
    .help = kopiera bilden till projektmappen och hänvisa till kopian
image-folder = bilden `{ $image }` är en mapp, inte en fil
    .help = ange själva bildfilen
image-unreadable = bilden `{ $image }` kan inte läsas: { $why }
    .help = kontrollera att filen går att läsa
image-not-an-image = `{ $image }` är ingen bild som trycksak kan trycka
    .help = använd en PNG-, JPEG-, GIF-, WebP- eller SVG-fil
image-too-large = `{ $image }` är { $width } × { $height } bildpunkter ({ $millions } miljoner): för stor för att tryckas säkert
    .help = skala ner den: 300 bildpunkter per tum i tryckt storlek räcker (en A4-sida behöver 2480 × 3508)
image-broken = `{ $image }` kan inte läsas som bild: { $why }
    .help = filen kan vara avkortad eller skadad: exportera eller ladda ner den igen
image-cannot-read = `{ $image }` kan inte läsas: { $why }
    .help = kontrollera att filen finns och går att läsa

## Programtexten (Markdown)

h1-heading = en `#`-rubrik i programtexten: titeln hör hemma i huvudet
    .help = använd `##` för ett avsnitt och `###` för ett underavsnitt; programmets titel är `title:` i huvudet
empty-heading = rubriken är tom
    .help = skriv rubrikens text efter `#`-tecknen, eller ta bort raden
skipped-heading-level = en `{ $marks }`-rubrik direkt under en rubrik på nivå { $parent } hoppar över en rubriknivå
    .help = använd `{ $expected }` här, så att läsare och skärmläsare kan följa strukturen
nested-too-deep = listor och citat är inkapslade i mer än { $levels } nivåer här
    .help = gör strukturen plattare: en tryckt sida kan inte dra in så här långt och vara läsbar
heading-in-list = en rubrik inuti en lista eller ett citat
    .help = börja rubriker i början av en rad, utanför listor och citat
unsupported-markdown = det här Markdown-elementet ({ $element }) stöds inte
    .help = skriv det som ett stycke eller en lista
image-no-alt = bilden saknar alt-text
    .help = skriv vad bilden visar mellan hakparenteserna, t.ex. `![Sjukhuset i Kalix](kalix.jpg)`: läsare som inte kan se den får höra den texten
image-bad-alt = bildens alt-text beskriver inte bilden
    .help = beskriv vad bilden visar, t.ex. `![Sjukhuset i Kalix en vinterdag](kalix.jpg)`
alt-is-file-name = bildens alt-text är bara dess filnamn, `{ $file }`
alt-is-caption = bildens alt-text upprepar bildtexten
link-no-text = länken saknar text
    .help = skriv orden som läsaren ska se mellan hakparenteserna, t.ex. `[Läs hela programmet](https://…)`
link-not-an-address = länken `{ $url }` är ingen webb-, mejl- eller telefonadress
    .help = en länk går till en `https://`-adress (eller `http://`), `mailto:` en mejladress eller `tel:` ett telefonnummer; skriv hela adressen, t.ex. `https://example.se/program`
    .help-scheme = en webbadress börjar med `https://`: skriv `https://{ $url }`
image-in-text = en bild mitt i texten
    .help = ställ bilden på en egen rad, med en tom rad före och efter
html-not-interpreted = HTML tolkas inte: den skrivs ut som den står
    .help = använd Markdown i stället (`**fet**`, `*kursiv*`, `[länk](https://…)`), eller ta bort HTML-koden

## Layouter

layout-unreadable = { $file } { $why }
    .help = en layout.yaml måste vara en UTF-8-textfil i projektmappen
layout-not-utf8 = { $file } är inte UTF-8-text
path-outside-layouts = leder utanför mappen layouts
unknown-colour = okänd färg `{ $name }`
    .help = färgerna är: { $colours }
colour-forms = en färg anges som färgprocent `[cyan, magenta, gul, svart]` som `[100, 60, 0, 35]`, som en skärmfärg som `"#003399"` (inom citattecken), eller båda: `{"{"}print: [100, 60, 0, 35], screen: "#003399"{"}"}`
colour-ink-count = en färgs tryckfärger är fyra procenttal [cyan, magenta, gul, svart], t.ex. [0, 100, 85, 5]; den här har { $count }
colour-ink-range = färgprocent är 0 till 100, inte { $value }
colour-hex = `{ $text }` är ingen färg: skriv en skärmfärg som `"#"` och sex hexadecimala siffror, t.ex. `"#003399"`, eller tryckfärger som procent `[cyan, magenta, gul, svart]`, t.ex. `[100, 60, 0, 35]`
summary-size-range = `summary: { $key }` är { $value } pt; den måste vara { $min } till { $max } pt
    .help = en sammanfattning på en sida läses bra i 9 till 14 pt; under 8 pt är den för liten för många läsare
leaflet-size-range = `leaflet: { $key }` är { $value } pt; den måste vara { $min } till { $max } pt
    .help = en folders brödtext läses bra i 9,5 till 11 pt; under 9 pt är den för liten för många läsare
leaflet-pages = `leaflet: pages` är { $pages }; ett häftes sidantal är en multipel av 4
    .help = t.ex. `pages: 12`: tre ark vikta på mitten
print-margin-range = `print: { $key }` är { $value } mm; den måste vara 0 till { $max } mm
    .help = tryckerier vill ha 3 mm utfall och text minst 5 mm innanför skärkanten
print-max-ink-range = `print: max_ink` är { $ink } %; den måste vara 100 till 400 %
    .help = GWG 2022 tillåter högst 320 % för arkoffset på bestruket papper
logo-problem = logotypen { $problem }
logo-path = logotypen `{ $logo }` { $problem }
    .help = lägg logotypfilen i layoutens mapp och skriv dess filnamn
unknown-layout-key = okänd nyckel `{ $key }` i layouten
layout-not-valid = layouten är inte giltig: { $message }
    .help = `trycksak layout --defaults` skriver ut alla nycklar i en layout med förklaringar
layout-incomplete = layouten saknar { $keys }
    .help = det här är ett fel i trycksaks inbyggda grundlayout: rapportera det gärna
no-such-font = det finns ingen typsnittsfamilj `{ $family }`
    .help = de typsnittsfamiljer som finns är: { $families }; lägg typsnittsfiler i fonts/ för andra
    .help-close = menade du `{ $close }`? Typsnitt hämtas bara från fonts/ (och de inbyggda)
low-contrast = `{ $fore }` på { $back ->
    [paper] vitt papper
   *[other] `{ $back }`
} har kontrasten { $ratio }:1, under de { $needed }:1 som WCAG AA kräver för { $use ->
    [body] brödtext
    [pledges] löften i sin tonade ruta
    [headings] rubriker, länkar och omslagstext
    [on-primary] texten på omslaget och i sammanfattningens sidhuvud
   *[markers] löftenas markeringar
}
    .help = gör `{ $colour }` { $direction ->
        [lighter] ljusare
       *[darker] mörkare
    } (mer färg, framför allt svart, gör en tryckt färg mörkare)
too-much-ink = `{ $name }` har { $total } % färg totalt, mer än de { $limit } % en tryckpress kan trycka rent på bestruket papper
    .help = minska cyan, magenta eller gul tills de fyra blir { $limit } eller mindre
rich-black-text = `text` är ett fyrfärgssvart ({ $inks }): liten text i fyra färger blir suddig när plåtarna hamnar lite fel
    .help = tryck brödtext med bara svart färg: `text: [0, 0, 0, 100]`
inks-from-screen-colour = `{ $name }` anges bara som skärmfärg ({ $hex }): den trycks med färgerna { $inks }, omräknade genom tryckprofilen
    .help = be tryckeriet bekräfta de här färgerna, eller ange grafiska manualens tryckfärger också: `{ $name }: {"{"}print: [c, m, y, k], screen: "{ $hex }"{"}"}`

## Varningar om ett giltigt program

alt-says-nothing = alt-texten `{ $alt }` säger ingenting om bilden
    .help = beskriv vad bilden visar, som för någon som inte kan se den: `Sjukhuset i Kalix en vinterdag`
vague-link-text = länktexten `{ $text }` säger ingenting om vart länken går
    .help = skriv vad läsaren hittar där: `[Trafikverkets sida om vägarbeten](https://…)`
address-as-link-text = länktexten `{ $text }` är en adress, inte ord
    .help = en skärmläsare läser en adress tecken för tecken: skriv vad läsaren hittar där, `[Regionens budget](https://…)`
empty-table-header = tabellens rubrikrad är tom: läsare och skärmläsare kan inte veta vad kolumnerna innehåller
    .help = skriv en rubrik för varje kolumn i tabellens första rad, t.ex. `| Sjukhus | Vårdplatser |`
pasted-list = raderna börjar med punkttecken: de läses som en lista
    .help = skriv det på Markdown-vis genom att börja varje rad med `- ` i stället (efter en inledning som `Därför vill vi:` blir den en löfteslista i sammanfattningen)
heading-without-space = `##` utan mellanslag efter: läses som en rubrik
    .help = skriv ett mellanslag mellan `#`-tecknen och rubrikens text, t.ex. `## Resor och klimat`
no-pledges = inga löften hittades: sammanfattningen på en sida visar i stället början av varje avsnitt
    .help = en lista är en löfteslista efter ett stycke som aviserar den och slutar med kolon (`Därför vill vi:`), under en rubrik som nämner löften (`Våra löften`), eller med `<!-- pledges -->` på raden före

output-kind = { $kind ->
    [leaflet] foldern
    [leaflet-print] folderns tryckfil
    [summary] sammanfattningen
    [summary-print] sammanfattningens tryckfil
    [large-print] storstilsversionen
    [html] HTML-versionen
    [text] textversionen
    [braille] punktskriftsversionen
    [report] tillgänglighetsrapporten
   *[other] { $kind }
}

## Kommandoraden

error = fel
warning = varning
help = hjälp
in-file = i { $path }
cannot-read = kan inte läsa { $path }
cannot-create = kan inte skapa { $path }
cannot-print-problems = kan inte skriva ut problemen som hittades
already-exists = { $path } finns redan; välj ett annat namn
region-name-empty = regionen `{ $name }` behöver bokstäver eller siffror: dess mappnamn består av dem
created-region = Skapade { $path }: program med `region: { $region }` använder den nu
programme-target = skriv programmet som REGION/NAMN, t.ex. `norrbotten/{ $suggestion }`
bad-name = { $what ->
    [region] regionen
   *[slug] filnamnet
} `{ $name }` får bara innehålla små bokstäver a–z, siffror och bindestreck: prova `{ $suggestion }`
starter-title = Vårt program för { $region }
created-programme = Skapade { $path }: redigera den och kör sedan `trycksak build { $path }`
project-exists = { $dir } är redan ett projekt (den har `programmes/`): lägg till med `trycksak new programme` eller `trycksak new region`
project-started = Startade ett projekt i { $dir }: redigera { $programme } och kör sedan `trycksak build` där
list-programmes = Program:
list-has-errors = (har fel: kör `trycksak check { $path }`)
list-none = (inga: `trycksak new programme REGION/NAMN` startar ett)
list-regions = Regioner: { $regions }
watching = Bevakar { $dir } (Ctrl-C avslutar)
rebuilt = { $programmes } program byggda ({ $files ->
    [one] 1 fil
   *[other] { $files } filer
}){ $failed ->
    [0] {""}
   *[other] , { $failed } misslyckades
} på { $ms } ms
waiting = väntar: { $why }
serving = Visar { $dir } på { $url } — startsidan listar alla program med länkar till deras sidförhandsvisningar; Ctrl-C avslutar
census-none = inga löften hittades
census-introduction = (inledning)
census = { $pledges ->
    [one] 1 löfte
   *[other] { $pledges } löften
} i { $sections ->
    [one] 1 avsnitt
   *[other] { $sections } avsnitt
}: { $list }
checked = Kontrollerade { $programmes } program: { $failed } med fel
pages = { $count ->
    [one] 1 sida
   *[other] { $count } sidor
}
layouts-tried = { $count ->
    [one] 1 layout provad
   *[other] { $count } layouter provade
}
wrote = skrev { $path }{ $details } ({ $ms } ms{ $tries })
built = Byggde { $programmes } program{ $partly ->
    [0] {""}
   *[other] {" "}(och { $partly } delvis)
}: { $files ->
    [one] 1 fil
   *[other] { $files } filer
}{ $extras ->
    [0] {""}
    [one] {" "}och 1 bild eller förhandsvisning bredvid dem
   *[other] {" "}och { $extras } bilder och förhandsvisningar bredvid dem
} till { $out } på { $seconds } s{ $unchanged ->
    [0] {""}
   *[other] {" "}({ $unchanged } oförändrade sedan förra bygget, inte omskrivna)
}
manifest-not-saved = manifestet kunde inte sparas: { $why }
failed-programmes = Misslyckades: { $count } program
removed-stale = tog bort { $path } från en tidigare byggning: den skulle inte längre stämma med sin källa
shard-form = skriv delen som K/N, t.ex. 1/4
shard-range = del { $shard }: K måste vara från 1 till N
progress-programmes = program

usage-unknown-argument = okänt alternativ `{ $arg }`
usage-unknown-command = okänt kommando `{ $command }`
usage-invalid-value = `{ $value }` är inget värde för { $arg }{ $valid ->
    [none] {""}
   *[other] {" "}(möjliga: { $valid })
}
usage-missing-argument = { $arg } måste anges
usage-conflict = { $arg } kan inte användas tillsammans med { $other }
usage-missing-command = ett kommando behövs: build, check, init, list, new, watch eller serve
usage-more-help = Kör `trycksak --help` för mer.

## Kommandoradens hjälptexter (help-<kommando>-<alternativ>; help-any-… för ett alternativ som flera kommandon delar)

help-heading-usage = Användning:
help-heading-options = Alternativ
help-heading-advanced = Avancerade alternativ
help-heading-arguments = Argument
help-heading-values = Värden
help-heading-commands = Kommandon
help-value-command = KOMMANDO
help-flag = Visa den här hjälpen
help-version = Visa versionen
help-examples = Exempel:
      trycksak init mitt-projekt              starta ett projekt som går att bygga direkt
      trycksak build                          bygg alla program under programmes/ till out/
      trycksak build programmes/norrbotten    bygg programmen i en mapp
      trycksak build --format text --out dist bygg bara textversionerna, till dist/
      trycksak check                          kontrollera alla program utan att skriva något
      trycksak check --print                  kontrollera tryckfilerna som ett tryckeri gör
      trycksak list                           visa programmen och regionerna
      trycksak new programme norrbotten/vard  starta ett nytt program från en kommenterad mall
      trycksak new region Västerbotten        starta en ny regions layout
      trycksak import Program.docx            en programfil från Word-dokumentet som programmet antogs i
      trycksak watch                          bygg om vid varje ändring tills du avbryter
      trycksak serve --open                   visa sidorna i webbläsaren, uppdaterade vid varje ändring
      trycksak -C ../annat-projekt build      bygg en annan projektmapp

  Slutstatus: 0 när allt byggdes, 1 när ett program misslyckades (de andra byggs ändå), 2 vid
  felaktig användning. Meddelandena är på svenska med svensk locale (LANG=sv_SE.UTF-8) eller
  med --lang sv; --lang en ger engelska.
help-about = Bygger foldrar, sammanfattningar och tillgängliga versioner från programtexter
help-project = Arbeta med projektet i MAPP i stället för det som den aktuella mappen ligger i (söks uppåt, som git gör); SÖKVÄGAR och --out är då relativa till MAPP
help-quiet = Skriv bara ut fel
help-verbose = Skriv ut mer: varje fil som skrivs
help-diagnostic-format = Hur problem i filer skrivs ut: med raderna de står på (human), eller en rad var för CI-loggar (short)
help-color = När färger ska användas
help-lang = Språket för meddelanden och hjälp: sv eller en, angivet före kommandot (standard: localens, från LC_ALL, LC_MESSAGES eller LANG)
help-any-paths = Programfiler eller mappar (standard: allt under programmes/)
help-any-out = Utmappen (läses aldrig som indata)
help-any-format = Utdata att skriva, åtskilda med komma (standard: alla; storstil och punktskrift där layouten ber om dem)
# Each kind in `--format`'s list of values.
help-kind-text = Den tillgängliga textversionen (<slug>.txt)
help-kind-leaflet = Broschyren med hela programmet (<slug>-leaflet.pdf)
help-kind-summary = Titel, ingress och löftena på en sida (<slug>-summary.pdf)
help-kind-leaflet-print = Broschyren för tryckeriet: utfall, skärmärken, CMYK, PDF/X-4 (<slug>-leaflet-print.pdf)
help-kind-summary-print = Sammanfattningen för tryckeriet (<slug>-summary-print.pdf)
help-kind-report = Läsbarhetsrapporten för tillgänglighetsgranskaren (<slug>-tillganglighet.txt på svenska)
help-kind-large-print = Storstilsversionen, en lättläst PDF (<slug>-storstil.pdf på svenska)
help-kind-braille = Punktskriftsversionen för punktskriftsskrivare, PEF (<slug>.pef)
help-kind-html = Den tillgängliga HTML-versionen, med bilderna bredvid (<slug>.html)
help-any-timeout = Ge upp ett dokument som tar längre tid än så här att sätta (en mall som aldrig blir klar): dess program misslyckas, de andra fortsätter
help-any-poll = Sök efter ändringar var MS:e millisekund i stället för att vänta på filsystemets händelser (för nätverksenheter och containrar som inte rapporterar ändringar)
help-build-about = Bygg program till utfiler
help-build-preview = Skriv också en PNG av varje PDF-sida bredvid PDF:en, att titta på utan PDF-läsare
help-build-jobs = Bygg med N trådar (standard: en per kärna)
help-build-shard = Bygg bara del K av N (t.ex. 2/4) av programmen, för att dela en byggning mellan CI-maskiner; delarnas manifest slås ihop genom att deras `outputs` läggs efter varandra
help-build-timings = Skriv också var Typst lade sin tid, per mallrad, till FIL (ett spår i Chromes format, som `typst compile --timings` skriver det)
help-build-force = Rendera om varje program, vad byggcachen (.trycksak/cache/) än innehåller (även --no-cache)
help-check-about = Kontrollera program och rapportera alla problem en byggning skulle hitta, utan att skriva något
help-check-paths = Programfiler eller mappar att kontrollera (standard: allt under programmes/)
help-check-a11y = Skriv också ut varje programs tillgänglighetsrapport (läsbarhet, rubriker, bilder, länkar)
help-check-print = Förhandsgranska tryckfilerna som ett tryckeri gör: gör varje programs tryck-PDF:er (i minnet) och rapportera boxar, typsnitt, färger, färgmängd och bildupplösning med PASS eller FAIL; PDF-filer bland SÖKVÄGAR läses och kontrolleras som de är
help-check-json = Med --print: skriv granskningsrapporterna som en JSON-lista på standard ut i stället för text
help-init-about = Starta ett projekt i MAPP (standard: den här mappen): en region, ett startprogram och en beskrivning av vad som ligger var; det går att bygga direkt
help-init-dir = Mappen att starta projektet i (skapas om den inte finns)
help-list-about = Lista projektets program och regioner
help-new-about = Skapa ett nytt program eller en ny region från en kommenterad mall
help-new-programme-about = En programfil, programmes/REGION/NAMN.md, med varje nyckel i huvudet förklarad
help-new-programme-target = Region och filnamn, t.ex. `norrbotten/omstart-2026`
help-new-region-about = En regions layout, layouts/MAPP/layout.yaml, med varje nyckel förklarad
help-new-region-name = Regionens namn, t.ex. `Västerbotten` (mappen får namnet med a–z: `vasterbotten`)
help-new-region-display-name = Namnet som trycks på omslagen (standard: NAMN som det skrivs)
help-watch-about = Bygg, och bygg sedan om det som en ändring i en programfil, layout eller ett typsnitt påverkar
help-serve-about = Bygg, visa utmappen på den här datorn, och bygg om och ladda om vid varje ändring
help-serve-port = Porten att lyssna på (0: vilken ledig som helst)
help-serve-host = Adressen att lyssna på. Bara den här datorn som standard: ange en annan adress bara för att visa sidorna för andra i ditt nätverk
help-serve-open = Öppna startsidan i webbläsaren när den är byggd

## Sammanfattningen på en sida

summary-section-shown = ”{ $section }” { $shown } av { $of }
summary-more-sections = och { $count } avsnitt till
summary-shortened = alla löften får inte plats i sammanfattningen: den visar löftena i tur och ordning, varje avsnitts första, sedan varje avsnitts andra och så vidare, så många som får plats ({ $kept } av dessa avsnitts { $total } löften): { $sections }
    .help = markera löftena som sammanfattningen ska visa med `<!-- summary -->` i slutet av vart och ett, eller skriv `summary:` i huvudet med `pledges: N` under (de N första i varje avsnitt); `overflow: error` under `summary:` gör det här till ett fel. De andra utdata från { $source } har alla löften
summary-overflow = sammanfattningen kan inte visa alla löften: även i { $size } pt får bara { $fit } löften per avsnitt plats, och det här avsnittet har { $has }
    .help = { $fit ->
        [0] korta inledningen och avsnittsrubrikerna, eller markera några löften med `<!-- summary -->`
       *[other] skriv `summary:` i huvudet med `pledges: { $fit }` under (de { $fit } första i varje avsnitt får plats; kontrollerat), eller markera löftena som ska visas med `<!-- summary -->`
    }. Det här är ett fel eftersom layouten eller huvudet i { $source } säger `overflow: error`; med `overflow: shorten` utelämnar sammanfattningen det som inte får plats, med en varning
summary-nothing-fits = sammanfattningen får inte plats ens utan löften: i { $size } pt går titeln, inledningen ({ $lead } tecken) och de { $sections } avsnittsrubrikerna över sidan
    .help = skriv i huvudet i { $source } `summary:` med en kort `lead:` under (en eller två meningar), eller markera några löften med `<!-- summary -->` så att bara deras avsnitt visas
summary-near-empty = sammanfattningen fyller bara { $percent } % av sin sida, även med { $size } pt text
    .help = ge { $source } en inledning för sammanfattningen (`summary:` i huvudet med `lead:` under), eller markera fler av dess listor som löften (`<!-- pledges -->` före en lista); en layout kan tillåta större text (`summary: max_size`)

## Byggning

summary-set-in = satt i { $size } pt, { $columns ->
    [one] 1 spalt
   *[other] { $columns } spalter
}
summary-set-shown = { $kept } av { $of } löften i { $sections } avsnitt
reading-timed-out = att läsa källfilen tog längre tid än { $seconds } s och avbröts
    .help = en programfil läses på långt under en sekund; den här kan vara skadad eller alldeles för stor: kontrollera den, eller dela upp den
same-output-folder = { $first } byggs också till out/{ $folder }
    .help = två program i samma region behöver olika filnamn
typesetting-timed-out = att sätta { output-kind } tog längre tid än { $seconds } s och avbröts: layoutens mall kanske aldrig blir klar
    .help = leta efter en slinga som aldrig tar slut i regionens .typ-filer (layouts/<region>/ eller layouts/base/); inget av programmet skrevs
internal-error = internt fel{ $kind ->
    [none] {""}
   *[other] {" "}när { output-kind } gjordes
}: { $message }
    .help = det här är ett fel i trycksak, inte i din fil: rapportera det gärna med { $source } bifogad; de andra programmen byggdes
font-file = typsnittsfilen { $problem }
    .help = kopiera typsnittsfilen till fonts/ i stället för att länka till den
no-layout = det finns ingen layout för regionen `{ $region }`
output-cannot-be-made = { output-kind } kan inte göras: { $what }
    .help = de andra utdata byggs; byt bilden eller logotypen och bygg igen
internal-print-error = internt fel när tryck-PDF:en gjordes färdig: { $message }
    .help = rapportera det gärna, med programfilen
script-adjective = { $script ->
    [Arabic] arabisk
    [Armenian] armenisk
    [Bengali] bengalisk
    [Cyrillic] kyrillisk
    [Devanagari] devanagarisk
    [Ethiopic] etiopisk
    [Georgian] georgisk
    [Greek] grekisk
    [Gujarati] gujaratisk
    [Han] kinesisk
    [Hangul] koreansk
    [Hebrew] hebreisk
    [Hiragana] japansk
    [Katakana] japansk
    [Khmer] khmerisk
    [Syriac] syrisk
    [Tamil] tamilsk
    [Thai] thailändsk
    [Tibetan] tibetansk
   *[other] { $script }
}
no-font-for-script = inget typsnitt har { script-adjective } skrift ({ $count ->
    [one] 1 tecken
   *[other] { $count } tecken
}, det första ”{ $character }”, { $code }): den skulle tryckas som tomma rutor
    .help = lägg ett typsnitt med { script-adjective } skrift i fonts/ och dess familj i layoutens `fonts:` (t.ex. Noto Sans { $script }, under SIL Open Font License)
no-font-for-characters = inget typsnitt har { $count ->
    [one] tecknet
   *[other] tecknen
} { $characters }: { $count ->
    [one] det skulle tryckas som en tom ruta
   *[other] de skulle tryckas som tomma rutor
}
    .help = ta bort eller byt ut dem, eller lägg ett typsnitt som har dem i fonts/ och i layoutens `fonts:`

## Tryckfiler

hairlines = { output-kind } har linjer så tunna som { $width } pt på sida { $pages }: tryckpressen kanske inte trycker linjer under { $limit } pt alls
    .help = layoutens mall eller logotyp ritar dem: gör linjerna minst { $limit } pt
thin-lines = { output-kind } har linjer så tunna som { $width } pt på sida { $pages }: linjer under { $limit } pt trycks ojämnt
    .help = layoutens mall eller logotyp ritar dem: gör dem lite bredare
area-ink = sida { $page } i { output-kind } har { $ink } % färg totalt över 15 mm, mer än de { $limit } % som layouten tillåter (`print: max_ink`)
    .help = gör layoutens färger eller bilden där ljusare: den kanske inte torkar
layout-image-no-alt = en bild i { output-kind } saknar alt-text
    .help = varje bild behöver en beskrivning: ge `image(…)` en `alt:` i layoutens mall
layout-image = en bild i layouten
image-resolution = `{ $image }` trycks med { $ppi } ppi i { output-kind }: { $width } × { $height } bildpunkter placerade på { $placed_width } × { $placed_height } mm; { $severity ->
    [error] tryck kräver minst { $limit } ppi
   *[warning] under { $limit } ppi ser den suddig ut i tryck
}
    .help = använd ett större original om det finns: { $width } × { $height } bildpunkter ger de { $good } ppi som tryckerier vill ha i den här storleken
page-distance = sida { $page } ({ $mm } mm)
text-past-edge = text i { output-kind } går utanför sidans kant på sida { $page }: ”{ $text }…”
    .help = texten har en följd av tecken som ingen rad kan brytas i (ett mycket långt ord, eller tecken utan mellanslag): lägg in mellanslag i källtexten, eller korta den
text-in-margin = text i { output-kind } kommer närmare skärkanten än { $mm } mm: { $pages }
    .help = gör sidmarginalerna i layoutens mall minst { $mm } mm (eller sänk `print: safe:` i layout.yaml om tryckeriet går med på det)
cannot-write-index = kan inte skriva startsidan

## Sidorna som `serve` visar

serve-problems = Den senaste byggningen hittade problem; sidorna visar den senaste lyckade byggningen.
serve-waiting = Väntar på att en annan byggning ska bli klar (en `trycksak build` skriver i utmappen); dina ändringar byggs så snart den är klar.
serve-page-alt = Sida { $page } av { $kind ->
    [summary] sammanfattningen
   *[leaflet] foldern
}, som den trycks
region-not-folder = `region: { $region }` i en fil i regionmappen programmes/{ $folder }/: programmet skulle få utseendet för { $region } och hamna i out/{ $region }/
    .help = skriv `region: { $folder }`, eller flytta filen till programmes/{ $region }/
layout-shown = Layouten för { $region }{ $name ->
    [none] {""}
   *[other] {" "}({ $name })
}: färger på skärm och i tryck (cyan, magenta, gul, svart)
layout-colour-given = { $given ->
    [ink] angiven som tryckfärger; på skärm genom tryckprofilen
    [screen] angiven som skärmfärg; tryckfärger genom tryckprofilen (fråga tryckeriet)
   *[both] angiven som båda
}
help-layout-about = Visa en regions layout som den används (dess färger på skärm och i tryck), eller med --defaults alla nycklar en layout kan ange, förklarade
help-layout-region = Regionen vars layout ska visas
help-layout-defaults = Skriv ut grundlayouten: alla nycklar en regions layout.yaml kan ange, med förklaringar

## Filer och mappar

cannot-open-project = kan inte öppna projektmappen { $path }
no-programmes-folder = { $path } har ingen mapp `programmes/`: kör trycksak i en projektmapp, eller ange en med `-C MAPP`
cannot-open-folder = kan inte öppna mappen { $path }
not-in-a-project = { $path } ligger inte i ett projekt (ingen mapp `programmes/` här eller i en mapp ovanför): kör `trycksak init` för att starta ett, eller ange ett med `-C MAPP`
path-missing = { $path } finns inte
cannot-create-out = kan inte skapa utmappen { $path }
cannot-open-out = kan inte öppna utmappen { $path }
out-symlink = { $path } är en symbolisk länk: trycksak skriver inte genom länkar i utmappen; ta bort den och bygg igen
out-file-not-folder = { $path } är en fil där trycksak behöver en mapp; ta bort den och bygg igen
cannot-create-temporary = kan inte skapa en tillfällig fil i { $path }
cannot-write = kan inte skriva { $path }
cannot-lock = kan inte låsa { $path }
cannot-write-timings = kan inte skriva tidsmätningarna
cannot-listen = kan inte lyssna på { $address }
cannot-watch = kan inte bevaka { $path }
build-locked = en annan trycksak-byggning skriver i { $path } just nu; vänta tills den är klar, eller bygg till en annan mapp med --out
screen-pdf-hint = Den här PDF:en är inte gjord för tryck (den är ingen PDF/X-fil): skicka tryckeriet filerna som slutar på `-print.pdf`, som `trycksak build` skriver.
    .twin = Det här är skärmversionen; tryckeriet ska ha dess tryckfil: { $twin }
serve-previews = Förhandsvisningar: varje programs webbsida bredvid dess tryckta sidor
watch-start = start
watch-and-more = {" "}och { $count } till
template-outside-layouts = { $path } leder utanför mappen layouts: mallar får bara läsa filer i layouts/ (kopiera in filen i stället för att länka till den)
template-path-outside = { $path } leder utanför projektmappen
template-says = layoutens mall (Typst säger på engelska): { $message }

## Att importera en Word- eller OpenDocument-fil

import-ole = filen är ett krypterat Word-dokument, eller ett i det gamla formatet Word 97–2003
    .help = ta bort lösenordet (Arkiv → Info → Skydda dokument i Word) eller spara som Word-dokument (.docx), och importera det
import-not-a-package = filen är inget Word-dokument (.docx) eller OpenDocument-dokument (.odt)
    .help = spara den från Word, Google Dokument eller LibreOffice som Word-dokument (.docx) och importera det
import-broken-zip = filen kan inte läsas som ett dokumentpaket: { $why }
    .help = filen kan vara avkortad eller skadad: spara eller ladda ner den igen
import-broken-part = dokumentets del { $part } kan inte läsas: { $why }
    .help = öppna dokumentet i Word eller LibreOffice, spara det igen och importera den nya filen
import-bomb = dokumentets paket packas upp till mycket mer än något dokument ({ $part ->
    [none] dess delar
   *[other] { $part }
}): det kan vara en zip-bomb
    .help = importera dokumentet som Word eller LibreOffice sparar det; ett dokument med mycket stora inbäddade filer kan sparas med komprimerade bilder (Arkiv → Komprimera bilder)
import-too-large = dokumentets del { $part } är { $size } MB: delar över 64 MB (en mycket stor bild eller en video) läses inte
    .help = gör bilden mindre i dokumentet (Arkiv → Komprimera bilder i Word) eller ta bort videon, spara och importera igen
import-encrypted = dokumentet är krypterat
    .help = ta bort lösenordet (Arkiv → Info → Skydda dokument i Word), spara och importera igen
import-macros = dokumentet innehåller makron (en .docm-fil): trycksak läser inte dokument med kod i
    .help = spara det som Word-dokument utan makron (.docx) och importera det
import-not-a-document = filen är ett paket, men inget text­dokument från Word eller OpenDocument
    .help = importera programmets textdokument (.docx eller .odt), inte ett kalkylark eller en presentation
import-external = dokumentet hänvisar till en fil utanför sig självt: { $target }
    .help = infoga bilden eller filen i själva dokumentet (inte som länk) och spara det igen
import-outside = dokumentet anger en del utanför sitt eget paket: { $target }
    .help = öppna dokumentet i Word eller LibreOffice, spara det igen och importera den nya filen
import-image = en bild i dokumentet kan inte användas: { $why }
    .help = byt bilden i dokumentet mot en PNG eller JPEG av rimlig storlek och importera igen
import-exists = { $path } finns redan
    .help = importera med `--slug` för ett annat namn, eller med `--force` för att ersätta den
import-which-region = ange vilken region programmet gäller: `--region NAMN` (regionerna är: { $regions })
import-written = Skrev { $path }:
import-found = { $sections } avsnitt, { $images ->
    [one] 1 bild
   *[other] { $images } bilder
}, { $links ->
    [one] 1 länk
   *[other] { $links } länkar
}, { $tables ->
    [one] 1 tabell
   *[other] { $tables } tabeller
}, { $notes ->
    [one] 1 not
   *[other] { $notes } noter
}
import-by-hand = en rubrik gjord för hand (fet, större text) lästes som rubrik: ”{ $heading }”
import-review = Granskningsläge: { $insertions ->
    [one] 1 spårat tillägg godtaget
   *[other] { $insertions } spårade tillägg godtagna
}, { $deletions ->
    [one] 1 borttagning struken
   *[other] { $deletions } borttagningar strukna
}, { $moves ->
    [one] 1 flyttning löst
   *[other] { $moves } flyttningar lösta
}, { $comments ->
    [one] 1 kommentar borttagen
   *[other] { $comments } kommentarer borttagna
}
import-dropped = { $what ->
    [contents] rader ur innehållsförteckningen utelämnade (utdata gör sin egen)
    [hidden] dold text utelämnad
    [objects] inbäddade objekt eller teckningar utan text utelämnade
   *[internal] länkar inom dokumentet behållna som vanlig text
}: { $count }
import-no-alt = { $count ->
    [one] 1 bild saknar
   *[other] { $count } bilder saknar
} beskrivning: skriv vad var och en visar mellan hakparenteserna (check säger var)
import-guessed = dokumentet anger inte sitt `{ $key }`: kontrollera det i huvudet
import-check-passed = { $path } klarar `trycksak check`.
import-check-failed = { $path } behöver rättningarna ovan innan den kan byggas (`trycksak check { $path }` visar dem igen).
help-import-about = En programfil från Word-filen (.docx) eller OpenDocument-filen (.odt) som programmet antogs i, med dess bilder, och en rapport om vad som hittades
help-import-file = Word-filen (.docx) eller OpenDocument-filen (.odt)
help-import-region = Regionen (standard: den vars programmappen det här är, eller projektets enda)
help-import-slug = Den nya filens namn (standard: från titeln, å/ä/ö som a/a/o)
help-import-lang = Textens språk (standard: dokumentets)
help-import-force = Ersätt en programfil (och dess bilder) som redan finns
help-import-keep-comments = Behåll granskarnas kommentarer, som <!-- … -->-anteckningar i källfilen
language-file-unreadable = { $file }: { $why }
    .help = en språkfil (layouts/…/i18n/<språk>.yaml) måste vara en UTF-8-textfil i mappen layouts
language-file-not-valid = språkfilen är inte giltig: { $message }
    .help = ett projekts eller en regions språkfil ändrar den inbyggda nyckel för nyckel; se layouts/base/i18n/sv.yaml i trycksaks källkod för alla nycklar och vad de är till för
language-file-other-tag = { $file } säger `language: { $language }`, men dess namn är för `{ $tag }`
    .help = döp filen efter språket den gäller, eller skriv `language: { $tag }`
unknown-language-key = okänd nyckel `{ $key }` i språkfilen
language-file-new =
    .help = trycksak har ingen fil för `{ $tag }`, så den här måste ha alla nycklar: kopiera layouts/base/i18n/en.yaml från trycksaks källkod, översätt orden och skriv `language: { $tag }`
no-language-file = trycksak har ingen språkfil för `{ $lang }`: orden som utdata lägger till (textversionens inledning, hopplänken, ”Sida”) blir engelska, och ingen lista känns igen som löfteslista på sina ord
    .help = om `{ $lang }` stämmer, lägg till layouts/base/i18n/{ $lang }.yaml (kopiera en.yaml och översätt den; `reviewed: false` tills en modersmålstalare har granskat den)
fence-closes-nothing = den här `:::` avslutar ingen språkdel
    .help = en del på ett annat språk börjar med en rad `::: {"{"}lang=fi{"}"}` och slutar med en rad `:::`; ta bort den här eller lägg till den inledande raden
fence-unclosed = delen på `{ $lang }` som börjar här avslutas aldrig
    .help = avsluta den med en rad med bara `:::` efter dess sista stycke, före nästa rubrik (en språkdel innehåller stycken och listor, inte rubriker)
front-matter-not-keys = huvudet måste vara en lista med rader `nyckel: värde`
    .help = skriv en nyckel per rad, t.ex. `title: Vårt program`
leaflet-pages-too-few = foldern får inte plats på de { $target } sidor layouten ber om (`leaflet: pages: { $target }`): även i { $size } pt behöver texten { $needed } sidor
    .help = ta bort `pages` ur layouten så att foldern får de sidor den behöver, eller korta programmet
leaflet-not-folded = foldern har { $pages } sidor, inte en multipel av { $sheet }, även med anteckningssidor
    .help = layoutens foldermall måste lägga anteckningssidorna (`data.notes_pages`) precis före baksidan
leaflet-set-in = satt i { $size } pt, { $notes ->
    [one] 1 anteckningssida
   *[other] { $notes } anteckningssidor
}
lix-over-target = LIX { $lix } för det här avsnittet är över målet { $target }
    .help = kortare meningar och kortare ord sänker LIX; se läsbarhetsrapporten
cannot-start = kan inte starta { $what ->
    [server] servern
    [writer] tråden som skriver filerna
   *[builder] en byggtråd
}
out-path-outside = { $path } är ingen vanlig sökväg i utmappen

## Översättningar

out-of-date-value = `translations_out_of_date` är `{ $value }`
    .help = skriv `warning` (en översättning som ligger efter sitt original byggs, med varningar) eller `error` (den byggs inte förrän den är aktuell)
translation-of-unusable = `translation_of: { $path }` kan inte användas: { $problem }
translation-of =
    .help = `translation_of:` anger originalet som filen översätter, relativt till den här filen, t.ex. `../norrbotten/omstart.md`
translation-without-original = det här är en översättning av { $original }, som inte finns
    .help = en översättning `<namn>.<språk>.md` ligger bredvid sitt original `<namn>.md`; byt namn på filen, lägg till `translation_of:` med originalets sökväg, eller börja en med `trycksak translate { $original } --to <språk>`
translation-lang-differs = filens namn säger att den är på `{ $name_lang }`, men dess `lang:` är `{ $lang }`
    .help = skriv `lang: { $name_lang }`, eller döp om filen efter dess språk
translation-region-differs = en översättning byggs med originalets layout: `region: { $region }` här, `region: { $original_region }` i { $original }
    .help = skriv `region: { $original_region }`
translation-record-unreadable = registret { $record } kan inte läsas ({ $problem }): översättningen jämförs som om den gjorts efter originalet som det är nu
    .help = ta bort filen; nästa bygge skriver en ny utifrån översättningen som den är
translation-record-unwritable = registret { $record } kan inte skrivas: { $problem }
translation-front-matter = huvudet
translation-introduction = inledningen
unit-kind = { $kind ->
    [title] titel
    [subtitle] undertitel
    [party] partinamn
    [summary] sammanfattningens inledning
    [heading] rubrik
    [paragraph] stycke
    [item] listpunkt
    [table] tabell
    [alt] bildbeskrivning
   *[other] del
}
translation-edited = originalet har ändrat den här delen ({ $kind }) sedan den översattes: { $original }:{ $line }, i { $section }
    .help = det stod ”{ $old }” och står nu ”{ $new }”; översätt den igen (när du redigerar den här räknas den som klar), eller se alla ändringar med `trycksak check --translations`
translation-added = originalet har en ny del ({ $kind }) på { $original }:{ $line }, i { $section }, som den här översättningen saknar
    .help = `trycksak translate { $original } --to { $lang } --update` lägger in den här, på originalets språk, att översätta
translation-missing = den här översättningen saknar originalets { $kind } på { $original }:{ $line }, i { $section }
translation-removed = originalet ({ $original }) har inte längre den här delen ({ $kind }), som översatte ”{ $old }”
    .help = ta bort den ur översättningen, om den inte behövs där
translation-untranslated = den här delen ({ $kind }) är fortfarande originalets text ({ $original }:{ $line })
    .help = översätt den (ett namn eller ett tal får stå kvar som det är)
translation-untranslated-many = { $count } av översättningens { $of } delar är fortfarande originalets text; den första är den här delen ({ $kind }; { $original }:{ $line })
    .help = översätt dem på plats (ett namn eller ett tal får stå kvar som det är); `trycksak check --translations { $path }` listar var och en med sin rad
translation-extra = den här delen ({ $kind }) översätter ingenting i originalet ({ $original })
    .help = en översättning har originalets rubriker, stycken och listpunkter, en för en: slå ihop den med den före, eller lägg först till den i originalet
translations-list-edited = { $file }:{ $line }: originalet har ändrats ({ $original }:{ $original_line })
      förut: { $old }
      nu: { $new }
translations-list-added = { $file }: originalet har en ny del ({ $original }:{ $original_line })
      ny: { $new }
translations-list-removed = { $file }:{ $line }: originalet har inte längre det som detta översatte
      förut: { $old }
translations-list-untranslated = { $file }:{ $line }: inte översatt än
      text: { $text }
translations-list-extra = { $file }:{ $line }: översätter ingenting i originalet
      text: { $text }
translations-none = Inga översättningar bland de kontrollerade programmen.
translations-in-step = { $file }: i takt med { $original }
translations-summary = { $count ->
    [one] 1 översättning kontrollerad: { $behind } ligger efter sitt original
   *[other] { $count } översättningar kontrollerade: { $behind } ligger efter sina original
}
translate-a-translation = { $path } är en översättning: översätt dess original, { $original }
translate-exists = det finns redan en översättning: { $path }
    .help = för att göra den aktuell mot { $original }: `trycksak translate { $original } --to { $lang } --update`; för att börja om: lägg till `--force`
translate-none-to-update = det finns ingen översättning att uppdatera: { $path }
translate-started = Skrev { $path }: originalets text, { $parts } delar, att översätta på plats. `trycksak build` och `check` säger vad som ännu inte är översatt eller ligger efter originalet.
translate-updated = Uppdaterade { $path }: { $added } delar tillagda på originalets språk, att översätta; { $left } översatta delar har originalet ändrat sedan dess (se `trycksak check --translations`)
translate-added-line = tillagd: { $original }:{ $line }
translate-po-written = Skrev { $path }: { $messages } meddelanden
translate-po-unreadable = { $path } kan inte läsas som en PO-fil: { $problem }
translate-imported = Skrev { $path } från PO-filen: { $translated } av { $total } delar översatta{ $unmatched ->
    [0] {""}
   *[other] ; { $unmatched } meddelanden passade inte någon del av originalet (det har ändrats sedan filen skrevs)
}
help-translate-about = Börja en översättning av ett program bredvid det (<namn>.<språk>.md), gör den aktuell mot originalet, eller utbyt den med en översättningsbyrå som PO-fil
help-translate-source = Originalprogrammets källfil
help-translate-to = Språket att översätta till, t.ex. fi, se, ar
help-translate-update = Gör översättningen aktuell: lägg till det originalet fått, på originalets språk, att översätta, och behåll varje översatt del
help-translate-po = Skriv en PO-fil av översättningen (varje del av originalet, med översättningen där den finns) för Poedit, Weblate eller en översättningsbyrå
help-translate-import = Skriv översättningen från en översatt PO-fil
help-translate-force = Börja om översättningen även om det finns en (dess text ersätts)
help-check-translations = Lista varje del av varje översättning som ligger efter sitt original, med originalets gamla och nya text
manifest-unreadable = { $path } är inget trycksak-manifest: { $why }
manifest-overlap = två av manifesten listar { $path }: ange varje dels utmapp en gång
help-manifest-about = Slå ihop manifesten från ett delat byggets utmappar
help-manifest-merge-about = Slå ihop manifesten från utmappar (delarna av build --shard K/N) till ett, på standard ut
help-manifest-merge-dirs = Utmapparna, var och en med sin manifest.json

braille-made = { $cols } × { $rows } tecken, { $volumes } volymer, { $pages } sidor, { $code }
braille-size-range = `braille: { $key }` är { $value }; det ska vara mellan { $min } och { $max }
    .help = svensk praxis på A4-punktskriftspapper är `cols: 28` och `rows: 29` (första raden har sidnumret); en volym rymmer högst `volume_sheets` ark (50 om inget annat sägs)
braille-no-table = det finns ingen punktskriftstabell för språket `{ $lang }`, så ingen punktskriftsversion kan göras av det här programmet
    .help = punktskriftsversionen görs på { $languages }; de andra utdata från { $source } påverkas inte. Ett projekt kan lägga till ett språks tabeller under `braille:` i `layouts/base/i18n/{ $lang }.yaml`
braille-table-broken = punktskriftstabellerna { $tables } för språket `{ $lang }` går inte att läsa: { $error }
    .help = kontrollera tabellnamnen under `braille: tables:` i språkets fil; de inbyggda tabellerna finns i layouts/base/braille/
braille-undefined = { $count ->
        [one] 1 tecken saknar
       *[other] { $count } tecken saknar
    } punktskrift i { $tables } (det första, { $first }, på rad { $line }); punktskriftsversionen skriver vart och ett som liblouis gör, med sin kod mellan ett omvänt snedstreck och ett snedstreck (\x1f600/)
    .help = ersätt tecknet med ord om det bär betydelse (en emoji, en symbol); de andra utdata visar det som det är skrivet
