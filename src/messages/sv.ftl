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
colour-hex = `{ $text }` är ingen skärmfärg: skriv sex hexadecimala siffror efter `#`, t.ex. `"#003399"`
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
low-contrast = { $fore ->
    [on-primary] text på huvudfärgen
   *[other] `{ $fore }`
} på { $back ->
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
