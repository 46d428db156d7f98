package org.lacrima.core.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CodingTest {

  private static final UUID DOC = UUID.randomUUID();
  private static final UUID CAT = UUID.randomUUID();
  private static final UUID CODER = UUID.randomUUID();

  private static Coding coding(int start, int end, String memo) {
    return new Coding(UUID.randomUUID(), DOC, start, end, CAT, CODER, memo);
  }

  @Test
  void joinsMemosWithoutRepeatingThem() {
    assertThat(Coding.joinMemos("", "")).isEmpty();
    assertThat(Coding.joinMemos("a", "")).isEqualTo("a");
    assertThat(Coding.joinMemos("", "b")).isEqualTo("b");
    assertThat(Coding.joinMemos("a", "b")).isEqualTo("a\nb");
    assertThat(Coding.joinMemos("a\nb", "b")).isEqualTo("a\nb");
  }

  @Test
  void aMemoThatIsOnlyPartOfAStoredLineIsStillAdded() {
    assertThat(Coding.joinMemos("not relevant here", "relevant")).isEqualTo("not relevant here\nrelevant");
    assertThat(Coding.joinMemos("unsure\nfirst line", "line")).isEqualTo("unsure\nfirst line\nline");
    assertThat(Coding.joinMemos("a\nbc", "a\nb")).isEqualTo("a\nbc\na\nb");
    assertThat(Coding.joinMemos("x\na\nb\ny", "a\nb")).isEqualTo("x\na\nb\ny");
  }

  @Test
  void aLaterExportOfTheSameMemoTakesItsPlaceInsteadOfRepeatingIt() {
    assertThat(Coding.joinMemos("first thought", "first thought\nsecond thought"))
        .isEqualTo("first thought\nsecond thought");
    assertThat(Coding.joinMemos("b", "a\nb\nc")).isEqualTo("a\nb\nc");
    // only whole lines: "thought" is not the line "first thought"
    assertThat(Coding.joinMemos("thought", "first thought")).isEqualTo("thought\nfirst thought");
  }

  @Test
  void collapsesRepeatedDecisionsKeepingTheFirstIdAndEveryMemo() {
    Coding first = coding(0, 5, "unsure");
    Coding again = coding(0, 5, "could be grief");
    Coding other = coding(0, 6, "");
    List<Coding> collapsed = Coding.collapseRepeatedDecisions(List.of(first, other, again));
    assertThat(collapsed).hasSize(2);
    assertThat(collapsed.get(0).id()).isEqualTo(first.id());
    assertThat(collapsed.get(0).memo()).isEqualTo("unsure\ncould be grief");
    assertThat(collapsed.get(1)).isEqualTo(other);
  }

  @Test
  void refusesEmptyOrBackwardSpans() {
    assertThatThrownBy(() -> coding(5, 5, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> coding(-1, 5, "")).isInstanceOf(IllegalArgumentException.class);
  }
}
