package org.lacrima.core.agreement.report;

import java.util.List;
import org.lacrima.core.agreement.CodedSpan;

/** One document's coded spans, a coder's spans of one category already merged (categories by key). */
public record SpanDocument(String name, long length, List<CodedSpan> spans) {
  public SpanDocument {
    spans = List.copyOf(spans);
  }
}
