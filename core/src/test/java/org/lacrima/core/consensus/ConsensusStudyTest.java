package org.lacrima.core.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lacrima.core.agreement.study.AgreementRequest;
import org.lacrima.core.agreement.study.UnitKind;

/** How a saved study says the way its build gave the layer's codings their ids. */
class ConsensusStudyTest {

  @Test
  void onlyAStudySavedByThisVersionsBuildsIsReadByIdsTheOthersByMemos() {
    AgreementRequest r = new AgreementRequest(List.of("ann", "bob"), UnitKind.TURN, 0, 90, List.of(), Map.of(),
        List.of(), List.of(), 0, false, AgreementRequest.DEFAULT_SEED);
    String saved = ConsensusStudy.toJson(r);
    assertThat(ConsensusStudy.marksBuiltCodings(saved)).isTrue();
    // an earlier build put the memo into the id; one before that wrote no marker
    assertThat(ConsensusStudy.marksBuiltCodings(saved.replace("ids from place", "ids from content"))).isFalse();
    assertThat(ConsensusStudy.marksBuiltCodings("{\"coders\":[\"ann\",\"bob\"],\"unit\":\"turn\"}")).isFalse();
    assertThat(ConsensusStudy.fromJson(saved).unit()).isEqualTo(UnitKind.TURN);
  }

  @Test
  void theSpeakersOfAStudyAreKeptAndAStudySavedWithOneSpeakerIsReadAsBefore() {
    AgreementRequest r = new AgreementRequest(List.of("ann", "bob"), UnitKind.TURN, 0, 90, List.of(), Map.of(),
        List.of("B", "Therapist"), List.of(), 0, false, AgreementRequest.DEFAULT_SEED);
    assertThat(ConsensusStudy.fromJson(ConsensusStudy.toJson(r)).speakers()).containsExactly("B", "Therapist");
    // a study saved while --speaker took one label
    AgreementRequest older = ConsensusStudy.fromJson("{\"coders\":[\"ann\",\"bob\"],\"unit\":\"turn\","
        + "\"min_cover_percent\":0,\"overlap_percent\":90,\"documents\":[],\"where\":{},\"speaker\":\"B\","
        + "\"categories\":[]}");
    assertThat(older.speakers()).containsExactly("B");
    assertThat(older.counts("b")).isTrue();
    assertThat(older.counts("I")).isFalse();
    assertThat(r.counts("therapist")).isTrue();
    // one speaker is also written as the release before wrote it, which reads "speaker" only
    AgreementRequest one = new AgreementRequest(List.of("ann", "bob"), UnitKind.TURN, 0, 90, List.of(), Map.of(),
        List.of("B"), List.of(), 0, false, AgreementRequest.DEFAULT_SEED);
    assertThat(ConsensusStudy.toJson(one)).contains("\"speaker\":\"B\"");
    assertThat(ConsensusStudy.fromJson(ConsensusStudy.toJson(one)).speakers()).containsExactly("B");
  }
}
