package org.lacrima.io.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lacrima.core.codebook.CategorySystem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlCodebookTest {

  private final HtmlCodebook format = new HtmlCodebook();

  @ParameterizedTest
  @ValueSource(strings = {"en", "de"})
  void holdsEveryFieldOfEveryCategory(String language) throws Exception {
    CategorySystem system = CodebookFixture.small();

    ExpectedTexts.assertAllIn(parsed(system, language).getDocumentElement().getTextContent(), system, language);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de"})
  void holdsEveryFieldOfTheBuiltInSystem(String language) throws Exception {
    CategorySystem system = CodebookFixture.builtIn();

    ExpectedTexts.assertAllIn(parsed(system, language).getDocumentElement().getTextContent(), system, language);
  }

  @Test
  void escapesAllUserText() {
    String html = html(CodebookFixture.small(), "en");

    assertThat(html).doesNotContain("<script")
        .contains("Grief &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quiet&quot; &#39;tears&#39;")
        .contains("<title>Working models of crying (test fixture)</title>");
    assertThat(HtmlCodebook.escape("<a href='x'>&\"</a>"))
        .isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
  }

  @Test
  void keepsTheLineBreaksOfUserText() {
    assertThat(html(CodebookFixture.small(), "en")).contains("Crying that is directed at someone<br />\n- and demands");
  }

  @Test
  void isOneSelfContainedPageInItsLanguage() throws Exception {
    String html = html(CodebookFixture.small(), "de");
    Document page = parsed(CodebookFixture.small(), "de");

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\" />");
    assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("de");
    assertThat(page.getElementsByTagName("style").getLength()).isEqualTo(1);
    for (String external : new String[] {"script", "link", "img", "iframe", "object", "embed"}) {
      assertThat(page.getElementsByTagName(external).getLength()).as(external).isZero();
    }
    assertThat(html).doesNotContain(" src=").doesNotContain("@import").doesNotContain("url(");
  }

  @Test
  void everyLinkLeadsToAnAnchorOnThePageOrToTheCitation() throws Exception {
    CategorySystem system = CodebookFixture.small();
    Document page = parsed(system, "en");
    Set<String> ids = new HashSet<>();
    NodeList all = page.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      String id = ((Element) all.item(i)).getAttribute("id");
      if (!id.isEmpty()) {
        assertThat(ids.add(id)).as("id %s is unique", id).isTrue();
      }
    }
    system.categories().forEach(c -> assertThat(ids).contains("c-" + c.id()));

    NodeList links = page.getElementsByTagName("a");
    int internal = 0;
    for (int i = 0; i < links.getLength(); i++) {
      String href = ((Element) links.item(i)).getAttribute("href");
      if (href.startsWith("#")) {
        assertThat(ids).contains(href.substring(1));
        internal++;
      } else {
        assertThat(href).isEqualTo(system.info().citationUrl());
      }
    }
    assertThat(internal).isEqualTo(system.size());
  }

  private String html(CategorySystem system, String language) {
    return new String(CodebookFixture.written(format, system, language), StandardCharsets.UTF_8);
  }

  /** Read with an XML parser: that the page parses at all shows every text was escaped. */
  private Document parsed(CategorySystem system, String language) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder()
        .parse(new ByteArrayInputStream(CodebookFixture.written(format, system, language)));
  }
}
