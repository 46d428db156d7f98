package org.lacrima.core.agreement;

import org.junit.jupiter.api.Test;

/** The data sets of R irr (diagnoses, anxiety, video, vision): no published targets, the consensus of the independent implementations. */
class IrrDatasetsTest {

  @Test
  void reproducesIrrDiagnoses() {
    ReferenceAssertions.assertCase("irr_diagnoses");
  }

  @Test
  void reproducesIrrDiagnosesRaters12() {
    ReferenceAssertions.assertCase("irr_diagnoses_raters12");
  }

  @Test
  void reproducesIrrAnxiety() {
    ReferenceAssertions.assertCase("irr_anxiety");
  }

  @Test
  void reproducesIrrAnxietyRaters12() {
    ReferenceAssertions.assertCase("irr_anxiety_raters12");
  }

  @Test
  void reproducesIrrVideo() {
    ReferenceAssertions.assertCase("irr_video");
  }

  @Test
  void reproducesIrrVideoRaters12() {
    ReferenceAssertions.assertCase("irr_video_raters12");
  }

  @Test
  void reproducesIrrVision() {
    ReferenceAssertions.assertCase("irr_vision");
  }
}
