package org.lacrima.io.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IcuSentenceSplitterTest {

  private static List<String> sentences(String text) {
    return new IcuSentenceSplitter().split(text).stream().map(r -> text.substring(r.start(), r.end())).toList();
  }

  @Test
  void doesNotSplitAfterGermanAbbreviations() {
    assertThat(sentences("Sie weinte z. B. bei Dr. Meier immer. Dann war Ruhe."))
        .containsExactly("Sie weinte z. B. bei Dr. Meier immer.", "Dann war Ruhe.");
    assertThat(sentences("Das war am 3. März. Danach kam sie wieder."))
        .containsExactly("Das war am 3. März.", "Danach kam sie wieder.");
    assertThat(sentences("Beim 3. Termin weinte sie. Ich schwieg."))
        .containsExactly("Beim 3. Termin weinte sie.", "Ich schwieg.");
  }

  @Test
  void keepsOrdinalsAfterPossessivesAndCapitalisedAbbreviationsTogether() {
    assertThat(sentences("Meine 3. Therapie war anders. Seine 2. Ehe auch."))
        .containsExactly("Meine 3. Therapie war anders.", "Seine 2. Ehe auch.");
    assertThat(sentences("Ein 2. Gespräch half. Gut."))
        .containsExactly("Ein 2. Gespräch half.", "Gut.");
    // a grade, not an ordinal
    assertThat(sentences("Ich bekam eine 2. Danach war ich froh."))
        .containsExactly("Ich bekam eine 2.", "Danach war ich froh.");
    // with no-break spaces, as a word processor sets them inside abbreviations; the units end without them
    assertThat(sentences("Naja, z.\u00A0B. habe ich mit Dr.\u202FMüller gesprochen.\u00A0 Dann nicht mehr."))
        .containsExactly("Naja, z.\u00A0B. habe ich mit Dr.\u202FMüller gesprochen.", "Dann nicht mehr.");
    assertThat(sentences("Z. B. wenn sie weint. Evtl. Angst vor Nähe. Vgl. oben."))
        .containsExactly("Z. B. wenn sie weint.", "Evtl. Angst vor Nähe.", "Vgl. oben.");
  }

  @Test
  void aTranscriptionNoteBetweenTwoSentencesEndsTheFirst() {
    assertThat(sentences("Das war in derselben Antwort. (lacht) Das war lustig. [weint] Es tut mir leid."))
        .containsExactly("Das war in derselben Antwort. (lacht)", "Das war lustig. [weint]", "Es tut mir leid.");
    // a capitalised note, which ICU itself splits off, goes with the sentence before it too
    assertThat(sentences("Sie sagte nichts. (Pause) Dann ging sie."))
        .containsExactly("Sie sagte nichts. (Pause)", "Dann ging sie.");
    // a pause or an unclear passage inside a sentence, with its own point: the sentence goes on
    assertThat(sentences("Ich hatte (.) Angst vor der Therapie. Sie auch (...) Therapeutin (unv.) Weinen, (..) Ja."))
        .containsExactly("Ich hatte (.) Angst vor der Therapie.", "Sie auch (...) Therapeutin (unv.) Weinen, (..) Ja.");
    assertThat(sentences("Sie sagte nichts. (lacht) (weint) [Pause] Dann ging sie. (schluchzt) (..) Es war vorbei."))
        .containsExactly("Sie sagte nichts. (lacht) (weint) [Pause]", "Dann ging sie. (schluchzt) (..)",
            "Es war vorbei.");
  }

  @Test
  void splitsWhereIcusOwnSuppressionsWouldWronglyMerge() {
    assertThat(sentences("Wir trafen uns um 14 Uhr. Und dann fing sie an zu weinen."))
        .containsExactly("Wir trafen uns um 14 Uhr.", "Und dann fing sie an zu weinen.");
    // an ellipsis trails off as often as it ends: ICU's reading of "…" (no end) is kept, a German noun after it
    // being capitalised too
    assertThat(sentences("Ich hatte so… Angst davor. Gut.")).containsExactly("Ich hatte so… Angst davor.", "Gut.");
    assertThat(sentences("Das war 2019. Dann kam Corona."))
        .containsExactly("Das war 2019.", "Dann kam Corona.");
  }

  @Test
  void handlesEnglishAbbreviationsAndQuestions() {
    assertThat(sentences("She cried, e.g. when Mr. Smith left. Did it help? I think so!"))
        .containsExactly("She cried, e.g. when Mr. Smith left.", "Did it help?", "I think so!");
  }

  @Test
  void takesNoAsAnAbbreviationOnlyBeforeANumber() {
    assertThat(sentences("No. I did not cry at all."))
        .containsExactly("No.", "I did not cry at all.");
    assertThat(sentences("Did you cry? No. Not then."))
        .containsExactly("Did you cry?", "No.", "Not then.");
    assertThat(sentences("She mentioned case No. 7 again. Then she wept."))
        .containsExactly("She mentioned case No. 7 again.", "Then she wept.");
  }

  @Test
  void aNumberAfterBisOrSeitIsAnOrdinalOnlyBeforeAMonth() {
    assertThat(sentences("Sie zählte bis 10. Danach weinte sie."))
        .containsExactly("Sie zählte bis 10.", "Danach weinte sie.");
    assertThat(sentences("Das ging bis 10. März. Danach nicht mehr."))
        .containsExactly("Das ging bis 10. März.", "Danach nicht mehr.");
    assertThat(sentences("Wir warteten seit 3. Dann kam sie."))
        .containsExactly("Wir warteten seit 3.", "Dann kam sie.");
  }

  @Test
  void trimsWhitespaceAndYieldsNothingForBlankText() {
    assertThat(sentences("  Hm.   Ja.  ")).containsExactly("Hm.", "Ja.");
    assertThat(sentences("   ")).isEmpty();
  }
}
