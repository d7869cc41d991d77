package dev.herald.nlp.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.herald.nlp.entity.EntityMention;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EntityTaggerTest {

  private static EntityTagger tagger;

  @BeforeAll
  static void load() {
    tagger = EntityTagger.standard();
  }

  @Test
  void shouldResolveASurnameToTheFullNameWithinAnArticle() {
    // Given a full name, then the surname alone
    String text =
        "Russian Foreign Minister Sergei Lavrov met his Turkish counterpart in Geneva on Tuesday."
            + " Lavrov told reporters the talks had been useful.";

    // When tagged
    List<EntityMention> m = tagger.tag(text).entities();

    // Then both mentions are the same person
    assertThat(m)
        .filteredOn(e -> e.text().contains("Lavrov"))
        .extracting(EntityMention::type, EntityMention::id)
        .containsOnly(tuple("PERSON", "sergei-lavrov"));
    assertThat(m)
        .filteredOn(e -> e.text().equals("Geneva"))
        .extracting(EntityMention::type)
        .containsOnly("LOCATION");
  }

  @Test
  void shouldResolveASurnameWithItsParticleToTheFullName() {
    // Given a full name with a particle, then the surname with the particle
    String text =
        "UN envoy Staffan de Mistura met Russian officials in Geneva on Tuesday. Later, de"
            + " Mistura told reporters that the talks had been useful.";

    // When tagged
    List<EntityMention> m = tagger.tag(text).entities();

    // Then both mentions are the same person
    assertThat(m)
        .filteredOn(e -> e.text().contains("Mistura"))
        .extracting(EntityMention::id)
        .containsOnly("staffan-de-mistura");
  }

  @Test
  void shouldResolveASurnameAcrossArticlesThroughTheRegistry() {
    // Given one article with the full name and a later one with the surname only
    EntityRegistry registry = new EntityRegistry(1000);
    tagger.tag(
        "Russian Foreign Minister Sergei Lavrov arrived in Ankara on Monday for talks with the"
            + " Turkish government.",
        registry);

    // When the later article is tagged with the same registry
    List<EntityMention> m =
        tagger
            .tag("Officials said that Lavrov would stay in Ankara for two days of talks.", registry)
            .entities();

    // Then the surname takes the full name's id
    assertThat(m)
        .filteredOn(e -> e.text().equals("Lavrov"))
        .extracting(EntityMention::id)
        .containsOnly("sergei-lavrov");
  }

  @Test
  void shouldGiveTheVariantNamesOfOneCongressOneEventId() {
    // Given three wordings of one congress and a later "the congress"
    String text =
        "Moscow proposed the Syrian National Dialogue Congress last month. Delegates to the"
            + " Syrian Congress of National Dialogue will meet in Sochi. The Congress of National"
            + " Dialogue of Syrians was postponed, and the congress may now open in December.";

    // When tagged
    List<EntityMention> m = tagger.tag(text).entities();

    // Then all four mentions are events with one id
    List<EntityMention> events = m.stream().filter(e -> e.type().equals("EVENT")).toList();
    assertThat(events)
        .extracting(EntityMention::text)
        .containsExactly(
            "Syrian National Dialogue Congress",
            "Syrian Congress of National Dialogue",
            "Congress of National Dialogue of Syrians",
            "congress");
    assertThat(events)
        .extracting(EntityMention::id)
        .containsOnly("syria-dialogue-national-congress");
  }

  @Test
  void shouldKeepHeadlinesAndPhotoCreditsApartFromTheBody() {
    // Given a Title Case headline, a body sentence and a photo credit, one per line
    String text =
        "Sochi Ready to Assist in Holding Syrian Congress\n"
            + "Officials in Sochi said the city was ready.\n"
            + "Photo: The Black Sea coast. REUTERS/Maxim Shemetov";

    // When tagged
    List<EntityMention> m = tagger.tag(text).entities();

    // Then no mention spans a line break and headline words are not names
    for (EntityMention e : m) {
      assertThat(e.text()).doesNotContain("\n");
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
    }
    assertThat(m)
        .extracting(EntityMention::text)
        .doesNotContain("Sochi Ready", "Ready", "Holding", "Ready to Assist");
    assertThat(m).extracting(EntityMention::text).contains("Sochi", "Maxim Shemetov");
  }

  @Test
  void shouldTagPreTokenizedTextAsIs() {
    // Given tokens separated by single spaces, sentences by new lines
    String text = "German Chancellor Angela Merkel met Emmanuel Macron in Paris .\nMerkel left .";

    // When tagged
    List<EntityMention> m = tagger.tag(text).entities();

    // Then the names are found with offsets into the text
    assertThat(m)
        .extracting(EntityMention::text, EntityMention::type)
        .contains(
            tuple("Angela Merkel", "PERSON"),
            tuple("Emmanuel Macron", "PERSON"),
            tuple("Paris", "LOCATION"),
            tuple("Merkel", "PERSON"));
    assertThat(m)
        .filteredOn(e -> e.text().equals("Merkel"))
        .extracting(EntityMention::id)
        .containsOnly("angela-merkel");
  }

  @Test
  void shouldTagTheEnglishParagraphsOfATextInAnotherLanguage() {
    // Given a German release with an English paragraph
    String text =
        "Bundeskanzlerin Angela Merkel hat am Dienstag in Berlin mit dem Präsidenten gesprochen."
            + " Die Gespräche sollen im Dezember fortgesetzt werden, wie das Amt mitteilte."
            + " Beide Seiten wollen über die Lage in der Region und über die Wirtschaft sprechen,"
            + " hieß es weiter aus dem Umfeld der Regierung, die sich zufrieden zeigte.\n"
            + "German Chancellor Angela Merkel met the French president in Berlin on Tuesday,"
            + " and the talks will continue in December, her office said.";

    // When tagged
    EntityTagger.Result r = tagger.tag(text);

    // Then the text is German, and only the English paragraph has entities
    int english = text.indexOf('\n') + 1;
    assertThat(r.lang()).isEqualTo("de");
    assertThat(r.entities()).isNotEmpty().allMatch(e -> e.start() >= english);
    assertThat(r.entities())
        .extracting(EntityMention::text, EntityMention::type)
        .contains(tuple("Angela Merkel", "PERSON"), tuple("Berlin", "LOCATION"));
  }

  @Test
  void shouldLeaveOutAParagraphOfAnEnglishTextThatIsClearlyInAnotherLanguage() {
    // Given an English report quoting a whole French paragraph
    String text =
        "French President Emmanuel Macron said on Monday that the summit in Paris would go"
            + " ahead as planned, and that leaders from across Europe had been invited.\n"
            + "Le président a déclaré que les Français de Marseille et de Lyon sont avec nous"
            + " dans la Grande Nation pour le sommet de Paris.\n"
            + "Macron is expected to meet German Chancellor Olaf Scholz before the summit.";

    // When tagged
    EntityTagger.Result r = tagger.tag(text);

    // Then the English lines are tagged and the French paragraph yields nothing
    int french = text.indexOf('\n') + 1;
    int back = text.indexOf('\n', french) + 1;
    assertThat(r.lang()).isEqualTo("en");
    assertThat(r.entities()).noneMatch(e -> e.start() >= french && e.start() < back);
    assertThat(r.entities())
        .extracting(EntityMention::text)
        .contains("Emmanuel Macron", "Paris", "Olaf Scholz");
  }

  @Test
  void shouldKeepAFirstNameBeforeANameParticleWithThePerson() {
    // Given people whose names hold a particle, after a title the model runs into them
    String text =
        "UN Special Envoy for Syria Staffan de Mistura met Russian officials in Geneva on"
            + " Tuesday. De Mistura told reporters that he was pleased with the talks.\n"
            + "Saudi Crown Prince Mohammed bin Salman met US officials in Riyadh.";

    // When tagged
    List<EntityMention> m = tagger.tag(text).entities();

    // Then each whole name is one person, with its first name
    assertThat(m)
        .extracting(EntityMention::text, EntityMention::type)
        .contains(tuple("Staffan de Mistura", "PERSON"), tuple("Mohammed bin Salman", "PERSON"));
  }

  @Test
  void shouldTakeNoCommonWordBeforeAParticleForAFirstName() {
    // Given a title written capitalised before "de Mistura"
    List<NameSpan> names = List.of(new NameSpan(3, 4, "PER"));
    String[] forms = "the Special Envoy de Mistura said".split(" ");
    Truecaser usual = NerModel.standard().truecaser();

    // When particle names are mended
    List<NameSpan> out = SpanRules.particleNames(names, forms, usual);

    // Then "Envoy" stays out of the person
    assertThat(usual.usualCase("envoy")).isEqualTo(1);
    assertThat(out).containsExactly(new NameSpan(3, 4, "PER"));
  }

  @Test
  void shouldLeaveAPlaceAfterAParticleToTheNameBeforeIt() {
    // Given a university whose name ends in "de Chile", found as an organisation and a place
    List<NameSpan> names = List.of(new NameSpan(1, 3, "ORG"), new NameSpan(4, 5, "LOC"));
    String[] forms = "the Universidad Catolica de Chile said".split(" ");

    // When particle names are mended
    List<NameSpan> out = SpanRules.particleNames(names, forms, NerModel.standard().truecaser());

    // Then no person is made of "Catolica de Chile"
    assertThat(out).isEqualTo(names);
  }

  @Test
  void shouldTakeTheNamesOfAWireDatelineForPlaces() {
    // Given stories that open with a wire dateline (with an agency or a dash), a capitalised
    // organisation before a dash, and a company with its ticker in brackets
    String washington =
        "WASHINGTON (Reuters) - U.S. Secretary of State Antony Blinken will travel to Beijing"
            + " next week, the State Department said on Friday.";
    String kyiv =
        "KYIV, Ukraine (AP) - Ukrainian officials said on Thursday the talks would resume.";

    // When tagged
    List<EntityMention> w = tagger.tag(washington).entities();
    List<EntityMention> k = tagger.tag(kyiv).entities();

    // Then the dateline's names are places and the agency an organisation; a ticker is no agency
    assertThat(w)
        .extracting(EntityMention::text, EntityMention::type)
        .contains(tuple("WASHINGTON", "LOCATION"), tuple("Reuters", "ORGANIZATION"));
    assertThat(k)
        .extracting(EntityMention::text, EntityMention::type)
        .contains(tuple("KYIV", "LOCATION"), tuple("Ukraine", "LOCATION"));
    List<NameSpan> dashed = List.of(new NameSpan(0, 1, "ORG"), new NameSpan(2, 3, "ORG"));
    assertThat(SpanRules.datelinePlaces(dashed, "WASHINGTON \u2014 NASA announced".split(" ")))
        .containsExactly(new NameSpan(0, 1, "LOC"), new NameSpan(2, 3, "ORG"));
    assertThat(SpanRules.datelinePlaces(dashed, "NATO - OTAN said".split(" "))).isEqualTo(dashed);
    assertThat(SpanRules.datelinePlaces(dashed, "BUFFALO 1 Anaheim 1 ( OT )".split(" ")))
        .isEqualTo(dashed);
    List<NameSpan> company = List.of(new NameSpan(0, 1, "ORG"), new NameSpan(2, 3, "ORG"));
    assertThat(SpanRules.datelinePlaces(company, "Tesla ( TSLA ) said".split(" ")))
        .isEqualTo(company);
  }

  @Test
  void shouldTakeTheNameAfterACourtesyTitleForAPersonWithoutTheTitle() {
    // Given people named only with a courtesy title and a surname
    String text =
        "Mr. Biden and Mrs. Harris spoke with Ms. Yellen at the White House on Wednesday.";

    // When tagged
    List<EntityMention> m = tagger.tag(text).entities();

    // Then each surname is a person and no title is inside a name
    assertThat(m)
        .extracting(EntityMention::text, EntityMention::type)
        .contains(
            tuple("Biden", "PERSON"),
            tuple("Harris", "PERSON"),
            tuple("Yellen", "PERSON"),
            tuple("White House", "LOCATION"));
  }

  @Test
  void shouldStopATitledNameAtTheNextNameTheFinderFound() {
    // Given an untagged name after "Mr" that runs into a place
    List<NameSpan> names = List.of(new NameSpan(3, 4, "LOC"));
    String[] forms = "Mr Smith visited Paris".split(" ");
    String[] runOn = "Mr Smith Paris office".split(" ");

    // When titled persons are mended
    // Then the person is the name after the title, and the place keeps its own span
    assertThat(SpanRules.titledPersons(names, forms))
        .containsExactly(new NameSpan(1, 2, "PER"), new NameSpan(3, 4, "LOC"));
    assertThat(SpanRules.titledPersons(List.of(new NameSpan(2, 3, "LOC")), runOn))
        .containsExactly(new NameSpan(1, 2, "PER"), new NameSpan(2, 3, "LOC"));
  }

  @Test
  void shouldDropTheFilePhotoTailOfAPhotoCredit() {
    // Given a credit whose tail the name finder took for an organisation
    String[] forms = "REUTERS / Jane Doe / File Photo".split(" ");
    List<NameSpan> names =
        List.of(new NameSpan(0, 1, "ORG"), new NameSpan(2, 4, "PER"), new NameSpan(6, 7, "ORG"));

    // When credits are mended
    List<NameSpan> out = SpanRules.credits(names, forms);

    // Then the agency and the photographer stay, the tail goes
    assertThat(out).containsExactly(new NameSpan(0, 1, "ORG"), new NameSpan(2, 4, "PER"));
  }

  @Test
  void shouldNameASportingEventButNotReferBackToItWithACommonNoun() {
    // Given a named tour, then "the tour" alone
    String text =
        "The World Bodyboarding Tour opened in Hawaii on Monday. The tour has eight stops this"
            + " year.";

    // When tagged
    List<EntityMention> m = tagger.tag(text).entities();

    // Then the tour's name is an event and "the tour" is no mention of it
    assertThat(m)
        .extracting(EntityMention::text, EntityMention::type)
        .contains(tuple("World Bodyboarding Tour", "EVENT"));
    assertThat(m).extracting(EntityMention::text).doesNotContain("tour");
  }

  @Test
  void shouldKeepTypographicQuotesOutOfNames() {
    // Given curly quotes and apostrophes around and inside names, as web copy writes them
    String text =
        "“It was the best part,” Steenburgen said. She had phoned from the Chicago set of"
            + " “Fargo,” and said: ‘Look, it works.’";

    // When tagged
    List<EntityMention> m = tagger.tag(text).entities();

    // Then no name starts or ends with a quote, and a quoted word is no name
    assertThat(m).extracting(EntityMention::text).contains("Steenburgen", "Chicago");
    assertThat(m)
        .extracting(EntityMention::text)
        .noneMatch(t -> t.matches("(?s).*[\u2018\u2019\u201c\u201d].*"));
  }

  @Test
  void shouldTakeNoMonthAloneForAName() {
    // Given months found as names, a month inside a longer name, and a person called May
    String[] forms = "in March , the March Hare met May".split(" ");
    List<NameSpan> names =
        List.of(new NameSpan(1, 2, "LOC"), new NameSpan(4, 6, "MISC"), new NameSpan(7, 8, "PER"));

    // When months are removed
    // Then only the month alone goes
    assertThat(SpanRules.withoutMonths(names, forms))
        .containsExactly(new NameSpan(4, 6, "MISC"), new NameSpan(7, 8, "PER"));
  }

  @Test
  void shouldTakeANameAfterATitleOfOfficeForAPersonAndTheTitleForNoName() {
    // Given senators and a general named with abbreviated titles
    String text = "Sens. Cory Booker and Kamala Harris met Gen. Milley in Washington on Monday.";

    // When tagged
    List<EntityMention> m = tagger.tag(text).entities();

    // Then the names are people and no title is a name
    assertThat(m)
        .extracting(EntityMention::text, EntityMention::type)
        .contains(tuple("Cory Booker", "PERSON"), tuple("Milley", "PERSON"));
    assertThat(m).extracting(EntityMention::text).doesNotContain("Sens", "Sens.", "Gen.");
  }

  @Test
  void shouldReturnNoEntitiesForALanguageWithoutAModel() {
    // Given German and Russian news text
    String de =
        "Bundeskanzlerin Angela Merkel hat am Dienstag in Berlin mit dem Präsidenten gesprochen.";
    String ru = "Министр иностранных дел России Сергей Лавров встретился с коллегой в Женеве.";

    // When tagged
    EntityTagger.Result a = tagger.tag(de);
    EntityTagger.Result b = tagger.tag(ru);

    // Then the language is recorded and nothing is tagged
    assertThat(a.lang()).isEqualTo("de");
    assertThat(a.entities()).isEmpty();
    assertThat(b.lang()).isEqualTo("ru");
    assertThat(b.entities()).isEmpty();
  }

  @Test
  void shouldKeepACountryInBracketsAfterAPersonAPlace() {
    // Given a results list with each skier's country in brackets
    String text = "1. Anna Berg ( Sweden ) 25.76 points\n2. Carl Moss ( Norway ) 24.88";

    // When tagged
    List<EntityMention> m = tagger.tag(text).entities();

    // Then the countries keep their own type and id: brackets after a person hold no acronym
    assertThat(m)
        .filteredOn(e -> e.text().equals("Sweden") || e.text().equals("Norway"))
        .extracting(EntityMention::type, EntityMention::id)
        .containsExactly(tuple("LOCATION", "sweden"), tuple("LOCATION", "norway"));
  }

  @Test
  void shouldLinkAnAcronymInBracketsToTheNameItAbbreviates() {
    // Given an organisation introduced with its acronym, then the acronym alone
    String text =
        "The Organisation for the Prohibition of Chemical Weapons (OPCW) met in The Hague on"
            + " Monday. The OPCW said inspectors would return.";

    // When tagged
    List<EntityMention> m = tagger.tag(text).entities();

    // Then the acronym takes the full name's id
    assertThat(m)
        .filteredOn(e -> e.text().equals("OPCW"))
        .extracting(EntityMention::id)
        .containsOnly("organisation-for-the-prohibition-of-chemical-weapons");
    assertThat(
            EntityIds.isAcronymOf("OPCW", "Organisation for the Prohibition of Chemical Weapons"))
        .isTrue();
    assertThat(EntityIds.isAcronymOf("Sweden", "Anna Berg")).isFalse();
    assertThat(EntityIds.isAcronymOf("GER", "Bayer Leverkusen")).isFalse();
  }

  @Test
  void shouldNotMakeAPersonOfAClubNamedAfterItsCityThroughTheRegistry() {
    // Given an earlier article about a person whose surname is a city's name
    EntityRegistry registry = new EntityRegistry(1000);
    tagger.tag("Coach Antonio Bologna signed a new contract on Monday .", registry);

    // When a later article names the club of that city
    List<EntityMention> m =
        tagger.tag("Juventus beat Bologna 2-1 in Turin on Sunday .", registry).entities();

    // Then the club is not re-typed as the person
    assertThat(m)
        .filteredOn(e -> e.text().equals("Bologna"))
        .extracting(EntityMention::type)
        .doesNotContain("PERSON");
  }

  @Test
  void shouldNotTakeAnEmailDomainForASurname() {
    // Given a message whose sender's address the name finder reads as part of a person's name
    String text =
        "From : Anna Berg@SIEMENS\nSiemens said the contract was signed .\nSiemens will ship in"
            + " May .";

    // When tagged
    List<EntityMention> m = tagger.tag(text).entities();

    // Then the company stays an organisation: the domain is no surname
    assertThat(m)
        .filteredOn(e -> e.text().equals("Siemens"))
        .extracting(EntityMention::type, EntityMention::id)
        .containsOnly(tuple("ORGANIZATION", "siemens"));
  }

  @Test
  void shouldTypeACompanyByTheBodyNotByTheHeadlineAboveIt() {
    // Given a headline that gives the company name no context, and a body that does
    String text =
        "Chrysler files for bankruptcy\n"
            + "The American auto company Chrysler filed for bankruptcy on Thursday. Fiat will run"
            + " the company, Chrysler said.";

    // When tagged
    List<EntityMention> m = tagger.tag(text).entities();

    // Then every mention, the headline's included, is the organisation, in text order
    assertThat(m)
        .filteredOn(e -> e.text().equals("Chrysler"))
        .extracting(EntityMention::start, EntityMention::type)
        .containsExactly(
            tuple(0, "ORGANIZATION"),
            tuple(text.indexOf("Chrysler filed"), "ORGANIZATION"),
            tuple(text.indexOf("Chrysler said"), "ORGANIZATION"));
  }

  @Test
  void shouldReadAHeadlineAfterTheBody() {
    // Given a first line without a full stop above sentences that end with one
    String text = "Airline orders new jets\nThe airline ordered ten jets. It will pay cash.";

    // When the decoding order is chosen
    int[] order = EntityTagger.decodeOrder(text, TextAnalyzer.standard().sentences(text));

    // Then the body comes first, in text order, and the headline last
    assertThat(order).containsExactly(1, 2, 0);
  }

  @Test
  void shouldKeepTextOrderWhenTheFirstLineIsASentence() {
    // Given a first line that ends with a full stop, and a dateline-only text
    String sentence = "The airline ordered ten jets.\nIt will pay cash.";
    String lines = "Markets close higher\nLONDON 2026-11-28";

    // When the decoding orders are chosen
    int[] a = EntityTagger.decodeOrder(sentence, TextAnalyzer.standard().sentences(sentence));
    int[] b = EntityTagger.decodeOrder(lines, TextAnalyzer.standard().sentences(lines));

    // Then both keep text order (the second has no body sentence to read first)
    assertThat(a).containsExactly(0, 1);
    assertThat(b).containsExactly(0, 1);
  }

  @Test
  void shouldTagShortEnglishTextsTooFewWordsForTheLanguageModel() {
    // Given English texts with almost no common words: a short sentence, a results line, and a
    // line of names whose particles ("van der") are words of other languages
    String sentence = "Pope Francis visited Iraq.";
    String results = "Luton 2 Boreham Wood 1";
    String names = "212 Trevor Dodds ( Namibia ) 72 69 71 , Schalk van der Merwe 70 71 71";

    // When tagged
    EntityTagger.Result a = tagger.tag(sentence);
    EntityTagger.Result b = tagger.tag(results);
    EntityTagger.Result c = tagger.tag(names);

    // Then each is English and its names are tagged
    assertThat(a.lang()).isEqualTo("en");
    assertThat(a.entities()).extracting(EntityMention::text).contains("Iraq");
    assertThat(b.lang()).isEqualTo("en");
    assertThat(b.entities()).extracting(EntityMention::text).contains("Luton");
    assertThat(c.lang()).isEqualTo("en");
    assertThat(c.entities()).extracting(EntityMention::text).contains("Trevor Dodds", "Namibia");
  }

  @Test
  void shouldLeaveShortSentencesInOtherLanguagesUntagged() {
    // Given short sentences whose few common words are German, French and Italian
    List<String> texts =
        List.of(
            "Angela Merkel besuchte Paris.",
            "Angela Merkel a visité Paris.",
            "Angela Merkel ha visitato Parigi.");

    // When tagged
    // Then none is read as English and none gets entities
    for (String t : texts) {
      EntityTagger.Result r = tagger.tag(t);
      assertThat(r.lang()).as(t).isNotEqualTo("en");
      assertThat(r.entities()).as(t).isEmpty();
    }
  }

  @Test
  void shouldTagANameThatOpensAOneSentenceText() {
    // Given one-sentence texts that open with a name the text does not repeat
    String person = "Merkel called for calm after the vote.";
    String company = "Boeing shares fell sharply on Monday.";

    // When tagged
    List<EntityMention> a = tagger.tag(person).entities();
    List<EntityMention> b = tagger.tag(company).entities();

    // Then the opening name is found
    assertThat(a)
        .extracting(EntityMention::text, EntityMention::type)
        .contains(tuple("Merkel", "PERSON"));
    assertThat(b)
        .extracting(EntityMention::text, EntityMention::type)
        .contains(tuple("Boeing", "ORGANIZATION"));
  }

  @Test
  void shouldCutAnOrganisationRunIntoItsOfficerAtTheOffice() {
    // Given names the finder ran from a company through an office into the officer
    String[] forms =
        "Acme Motors Chief Financial Officer Laura Mills said , CEO David Stone".split(" ");
    List<NameSpan> found = List.of(new NameSpan(0, 7, "ORG"), new NameSpan(9, 12, "ORG"));

    // When office holders are cut out
    // Then the company stays an organisation, the offices are no names, the officers are people
    assertThat(SpanRules.officeHolders(found, forms))
        .containsExactly(
            new NameSpan(0, 2, "ORG"), new NameSpan(5, 7, "PER"), new NameSpan(10, 12, "PER"));
  }

  @Test
  void shouldKeepAnOrganisationWhoseLastWordsAreNoPerson() {
    // Given organisation names with an office word but no given name after it
    String[] forms = "the Office of the President Trust Fund and General Motors".split(" ");
    List<NameSpan> found = List.of(new NameSpan(1, 7, "ORG"), new NameSpan(8, 10, "ORG"));

    // When office holders are cut out
    // Then nothing changes
    assertThat(SpanRules.officeHolders(found, forms)).isEqualTo(found);
  }

  @Test
  void shouldCutANameAtABracketItDoesNotClose() {
    // Given a dateline the finder ran into the agency's bracket, and a name with a closed bracket
    String[] forms = "WASHINGTON ( Reuters ) - the Bank ( Europe ) said".split(" ");
    List<NameSpan> found = List.of(new NameSpan(0, 3, "LOC"), new NameSpan(6, 10, "ORG"));

    // When brackets are checked, then the dateline is read
    List<NameSpan> cut = SpanRules.bracketCuts(found, forms);
    List<NameSpan> dateline = SpanRules.datelinePlaces(cut, forms);

    // Then the place and the agency are apart and the agency is an organisation; the closed
    // bracket stays inside its name
    assertThat(cut)
        .containsExactly(
            new NameSpan(0, 1, "LOC"), new NameSpan(2, 3, "LOC"), new NameSpan(6, 10, "ORG"));
    assertThat(dateline)
        .containsExactly(
            new NameSpan(0, 1, "LOC"), new NameSpan(2, 3, "ORG"), new NameSpan(6, 10, "ORG"));
  }

  @Test
  void shouldJoinAPersonTheFinderCutInTwoAfterATitle() {
    // Given a senator's name the finder found only in part, or as two people, after the title
    String[] forms = "Sens. Cory Booker and Kamala Harris met".split(" ");
    String[] split = "Sens . Cory Booker spoke".split(" ");

    // When titled persons are read
    // Then each is one person
    assertThat(SpanRules.titledPersons(List.of(new NameSpan(2, 3, "PER")), forms))
        .containsExactly(new NameSpan(1, 3, "PER"));
    assertThat(
            SpanRules.titledPersons(
                List.of(new NameSpan(1, 2, "PER"), new NameSpan(2, 3, "PER")), forms))
        .containsExactly(new NameSpan(1, 3, "PER"));
    assertThat(
            SpanRules.titledPersons(
                List.of(new NameSpan(2, 3, "PER"), new NameSpan(3, 4, "PER")), split))
        .containsExactly(new NameSpan(2, 4, "PER"));
  }

  @Test
  void shouldTakeNoStyleBetweenACourtesyTitleAndTheNameIntoThePerson() {
    // Given a judge styled "Mr Justice", whose name the finder found without the style
    String[] forms = "Mr Justice Anthony Mann agreed".split(" ");
    List<NameSpan> found = List.of(new NameSpan(2, 4, "PER"));

    // When titled persons are read
    // Then the person is the name alone
    assertThat(SpanRules.titledPersons(found, forms)).isEqualTo(found);
  }

  @Test
  void shouldTakeAnAcronymKnownOnlyAsAnOrganisationForOne() {
    // Given acronyms the finder left alone: an organisation's opening a sentence, one beside a
    // name, one that is no organisation, and the organisation's in a line of capitals
    String[] opening = "OPEC now expects the meeting to take place in August .".split(" ");
    String[] beside = "the U.S. FDA said on Monday it would act".split(" ");
    String[] other = "GDP grew in the third quarter , the agency said".split(" ");
    String[] capitals = "OPEC NOW EXPECTS MEETING IN AUGUST".split(" ");

    // When known acronyms are read
    // Then only the organisation in ordinary text is taken
    assertThat(SpanRules.knownAcronyms(List.of(), opening))
        .containsExactly(new NameSpan(0, 1, "ORG"));
    List<NameSpan> us = List.of(new NameSpan(1, 2, "LOC"));
    assertThat(SpanRules.knownAcronyms(us, beside)).isEqualTo(us);
    assertThat(SpanRules.knownAcronyms(List.of(), other)).isEmpty();
    assertThat(SpanRules.knownAcronyms(List.of(), capitals)).isEmpty();
  }

  @Test
  void shouldGiveALongFormAndItsBracketedAcronymOneType() {
    // Given long forms with their acronyms: one where the finder typed only the acronym, one
    // where it typed the two differently, one it left alone, and one whose initials do not spell
    String[] gm = "General Motors ( GM ) and Chrysler offer buyouts .".split(" ");
    String[] usaf = "the United States Air Force ( USAF ) ordered 179 jets".split(" ");
    String[] ceo = "the Chief Executive Officer ( CEO ) resigned".split(" ");
    String[] other = "Apple Computer ( GM ) said".split(" ");

    // When acronym definitions are read
    List<NameSpan> gmOut =
        SpanRules.acronymDefinitions(
            List.of(new NameSpan(3, 4, "ORG"), new NameSpan(6, 7, "ORG")), gm);
    List<NameSpan> usafOut =
        SpanRules.acronymDefinitions(
            List.of(new NameSpan(1, 5, "ORG"), new NameSpan(6, 7, "LOC")), usaf);

    // Then the long form takes the acronym's type where untagged, the acronym the long form's
    assertThat(gmOut)
        .containsExactly(
            new NameSpan(0, 2, "ORG"), new NameSpan(3, 4, "ORG"), new NameSpan(6, 7, "ORG"));
    assertThat(usafOut).containsExactly(new NameSpan(1, 5, "ORG"), new NameSpan(6, 7, "ORG"));
    assertThat(SpanRules.acronymDefinitions(List.of(), ceo)).isEmpty();
    List<NameSpan> apple = List.of(new NameSpan(0, 2, "ORG"));
    assertThat(SpanRules.acronymDefinitions(apple, other)).isEqualTo(apple);
  }

  @Test
  void shouldMendEveryAcronymDefinitionOfALongLineInOnePass() {
    // Given one line of 20,000 definitions, the finder having typed only each acronym
    int n = 20_000;
    String[] forms = new String[n * 6];
    List<NameSpan> found = new java.util.ArrayList<>();
    for (int d = 0; d < n; d++) {
      String[] def = {"General", "Motors", "(", "GM", ")", "and"};
      System.arraycopy(def, 0, forms, d * 6, 6);
      found.add(new NameSpan(d * 6 + 3, d * 6 + 4, "ORG"));
    }

    // When acronym definitions are read
    List<NameSpan> out = SpanRules.acronymDefinitions(found, forms);

    // Then each long form is a name of the acronym's type, in order, the acronyms kept
    assertThat(out).hasSize(2 * n);
    assertThat(out.get(2 * n - 2)).isEqualTo(new NameSpan(6 * n - 6, 6 * n - 4, "ORG"));
    assertThat(out.get(2 * n - 1)).isEqualTo(new NameSpan(6 * n - 3, 6 * n - 2, "ORG"));
  }
}
