package org.lacrima.core.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodebookUpgradeTest {

  /** The next version: {@code changed} in it, and a newer number. */
  private static CategorySystem with(CategorySystem system, Category changed) {
    List<Category> cats = system.categories().stream().map(c -> c.id().equals(changed.id()) ? changed : c).toList();
    SystemInfo i = system.info();
    return CategorySystem.of(new SystemInfo(i.id(), "1.1.0", i.title(), i.citation(), i.citationUrl(), i.notice(),
        i.translationNote()), cats, system.relations(), "test");
  }

  @Test
  void ordersVersionsPartByPart() {
    assertThat(CodebookUpgrade.compareVersions("1.10.0", "1.9.2")).isPositive();
    assertThat(CodebookUpgrade.compareVersions("1.0", "1.0.0")).isZero();
    assertThat(CodebookUpgrade.compareVersions("0.9.0", "1.0.0")).isNegative();
    assertThat(CodebookUpgrade.compareVersions("2.0.0-rc1", "2.0.0-rc2")).isNegative();
    // semantic versioning's order: a pre-release before its release, its numbers as numbers
    assertThat(CodebookUpgrade.compareVersions("2.0.0", "2.0.0-rc1")).isPositive();
    assertThat(CodebookUpgrade.compareVersions("2.0.0-rc10", "2.0.0-rc9")).isPositive();
    assertThat(CodebookUpgrade.compareVersions("1.0.0-alpha", "1.0.0-alpha.1")).isNegative();
    assertThat(CodebookUpgrade.compareVersions("10000000000.0", "9999999999.0")).isPositive();
  }

  @Test
  void offersANewVersionsExclusiveChildrenAndTakesThemOver() {
    CategorySystem upstream = BuiltInCategorySystem.get();
    Category forms = upstream.resolve("Forms of emotional crying");
    assertThat(forms.exclusiveChildren()).isFalse();
    CategorySystem next = with(upstream, forms.withExclusiveChildren(true));

    List<CodebookUpgrade.Proposal> proposals = CodebookUpgrade.plan(upstream, upstream, next).proposals();

    assertThat(proposals).singleElement().satisfies(p -> {
      assertThat(p.target()).isEqualTo(forms.id());
      assertThat(p.field()).isEqualTo("exclusive_children");
      assertThat(p.conflict()).isFalse();
      assertThat(p.mine()).isEqualTo("children not exclusive");
      assertThat(p.theirs()).isEqualTo("children mutually exclusive");
    });
    assertThat(CodebookUpgrade.withField(forms, "exclusive_children", next.get(forms.id())).exclusiveChildren()).isTrue();
    // a team that already made them exclusive has nothing to take over
    assertThat(CodebookUpgrade.plan(upstream, next, next).proposals()).isEmpty();
  }
}
