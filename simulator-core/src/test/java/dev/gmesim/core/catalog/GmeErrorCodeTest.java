package dev.gmesim.core.catalog;

import static dev.gmesim.core.catalog.Operation.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GmeErrorCodeTest {

  @Nested
  class ByValue {

    @Test
    void finds7006AsGmesMisspelledAuthFailure() {
      assertThat(GmeErrorCode.byValue(7006)).contains(GmeErrorCode.AV_ERR_AUTH_FIALD);
    }

    @Test
    void findsCodesFromEverySection() {
      assertThat(GmeErrorCode.byValue(1005)).contains(GmeErrorCode.AV_ERR_TIMEOUT);
      assertThat(GmeErrorCode.byValue(10006)).contains(GmeErrorCode.AV_ERR_SERVER_ID_NOT_IN_ROOM);
      assertThat(GmeErrorCode.byValue(32786))
          .contains(GmeErrorCode.QAVPTTERROR_ERR_VOICE_STREAMIN_RUNING_ERROR);
    }

    @Test
    void isEmptyForValuesThePageLeavesOut() {
      assertThat(GmeErrorCode.byValue(7008)).isEmpty();
      assertThat(GmeErrorCode.byValue(8199)).isEmpty();
      assertThat(GmeErrorCode.byValue(0)).isEmpty();
    }
  }

  @Nested
  class ByName {

    @Test
    void ignoresCaseAndSurroundingBlanks() {
      assertThat(GmeErrorCode.byName(" av_err_auth_fiald ")).contains(GmeErrorCode.AV_ERR_AUTH_FIALD);
    }

    @Test
    void knowsOnlyGmesOwnSpelling() {
      assertThat(GmeErrorCode.byName("AV_ERR_NET_REQUEST_FALLED"))
          .contains(GmeErrorCode.AV_ERR_NET_REQUEST_FALLED);
      assertThat(GmeErrorCode.byName("AV_ERR_AUTH_FAILED")).isEmpty();
      assertThat(GmeErrorCode.byName("AV_ERR_NET_REQUEST_FAILED")).isEmpty();
    }

    @Test
    void isEmptyForNull() {
      assertThat(GmeErrorCode.byName(null)).isEmpty();
    }
  }

  @Nested
  class Nearest {

    @Test
    void ofAKnownValueIsThatCode() {
      assertThat(GmeErrorCode.nearest(7006)).isEqualTo(GmeErrorCode.AV_ERR_AUTH_FIALD);
    }

    @Test
    void ofAValueWithAnExtraDigitIsTheCodeWithoutIt() {
      assertThat(GmeErrorCode.nearest(70060)).isEqualTo(GmeErrorCode.AV_ERR_AUTH_FIALD);
    }

    @Test
    void prefersADigitEditOverACloserValue() {
      // 32786 is numerically closer to 70060 than 7006 is, but is no single slip away from it.
      assertThat(Math.abs(70060 - 32786)).isLessThan(Math.abs(70060 - 7006));
      assertThat(GmeErrorCode.nearest(70060).value()).isEqualTo(7006);
    }

    @Test
    void ofSwappedDigitsIsTheCodeWithThemInOrder() {
      assertThat(GmeErrorCode.nearest(1060)).isEqualTo(GmeErrorCode.AV_ERR_NOT_IMPLEMENTED);
      assertThat(GmeErrorCode.nearest(8139)).isEqualTo(GmeErrorCode.QAVPTTERROR_UPLOAD_FILE_ACCESSERROR);
    }

    @Test
    void amongSeveralDigitEditsTakesTheClosestValue() {
      // 10060 is one edit from 1006 (drop a 0), 10006 (swap 6 and 0) and 10010 (6 for 1); 10010 is nearest.
      assertThat(GmeErrorCode.nearest(10060)).isEqualTo(GmeErrorCode.AV_ERR_SERVER_ENDPOINT_NOT_EXIST);
      assertThat(GmeErrorCode.nearest(100060)).isEqualTo(GmeErrorCode.AV_ERR_SERVER_ID_NOT_IN_ROOM);
      // 10012 is one edit from 10002, 10010 and 10011; 10011 is nearest.
      assertThat(GmeErrorCode.nearest(10012)).isEqualTo(GmeErrorCode.AV_ERR_SERVER_INVALID_ABILITY);
      assertThat(GmeErrorCode.nearest(1009)).isEqualTo(GmeErrorCode.AV_ERR_RESOURCE_IS_OCCUPIED);
    }

    @Test
    void breaksATieTowardsTheSmallerValue() {
      // 7008 is one edit and one unit away from both 7007 and 7009.
      assertThat(GmeErrorCode.nearest(7008)).isEqualTo(GmeErrorCode.AV_ERR_IN_OTHER_ROOM);
      // 12296 is one edit and one unit away from both 12295 and 12297.
      assertThat(GmeErrorCode.nearest(12296))
          .isEqualTo(GmeErrorCode.QAVPTTERROR_DOWNLOAD_GET_SIGN_RSP_DATA_DECODE_FAIL);
    }

    @Test
    void fallsBackToTheClosestValueWhenNoCodeIsOneEditAway() {
      assertThat(GmeErrorCode.nearest(50000)).isEqualTo(GmeErrorCode.QAVPTTERROR_ERR_VOICE_STREAMIN_RUNING_ERROR);
      assertThat(GmeErrorCode.nearest(15000)).isEqualTo(GmeErrorCode.QAVPTTERROR_DOWNLOAD_APPINFO_UNSET);
      assertThat(GmeErrorCode.nearest(Integer.MAX_VALUE))
          .isEqualTo(GmeErrorCode.QAVPTTERROR_ERR_VOICE_STREAMIN_RUNING_ERROR);
      assertThat(GmeErrorCode.nearest(Integer.MIN_VALUE)).isEqualTo(GmeErrorCode.AV_ERR_REPEATED_OPERATION);
    }

    @Test
    void fillsTheUnknownCodeMessage() {
      assertThat("unknown GME error code 70060; nearest: " + GmeErrorCode.nearest(70060).label())
          .isEqualTo("unknown GME error code 70060; nearest: 7006 AV_ERR_AUTH_FIALD");
    }
  }

  @Nested
  class NearestName {

    @Test
    void ofTheCorrectSpellingIsGmesMisspelling() {
      assertThat(GmeErrorCode.nearestName("AV_ERR_AUTH_FAILED")).isEqualTo(GmeErrorCode.AV_ERR_AUTH_FIALD);
      assertThat(GmeErrorCode.nearestName("AV_ERR_NET_REQUEST_FAILED"))
          .isEqualTo(GmeErrorCode.AV_ERR_NET_REQUEST_FALLED);
      assertThat(GmeErrorCode.nearestName("QAVPTTERROR_ERR_VOICE_STREAMING_RUNNING_ERROR"))
          .isEqualTo(GmeErrorCode.QAVPTTERROR_ERR_VOICE_STREAMIN_RUNING_ERROR);
    }

    @Test
    void ignoresCase() {
      assertThat(GmeErrorCode.nearestName("av_err_timeout")).isEqualTo(GmeErrorCode.AV_ERR_TIMEOUT);
      assertThat(GmeErrorCode.nearestName("Av_Err_TimeOut ")).isEqualTo(GmeErrorCode.AV_ERR_TIMEOUT);
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException().isThrownBy(() -> GmeErrorCode.nearestName(null));
    }
  }

  @Nested
  class Operations {

    @Test
    void everyCodeHasAtLeastOne() {
      assertThat(GmeErrorCode.values()).allSatisfy(c -> assertThat(c.operations()).as("%s", c).isNotEmpty());
    }

    @Test
    void cannotBeChanged() {
      assertThatThrownBy(() -> GmeErrorCode.AV_ERR_AUTH_FIALD.operations().add(UNINIT))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "7006, ENTER_ROOM SWITCH_ROOM",
        "7014, INIT",
        "7015, INIT",
        "7002, INIT_SPATIALIZER",
        "7003, ENABLE_SPATIALIZER",
        "1005, ENTER_ROOM EXIT_ROOM SWITCH_ROOM",
        "1201, EXIT_ROOM SWITCH_ROOM CHANGE_ROOM_TYPE ENABLE_MIC ENABLE_SPEAKER ENABLE_AUDIO_CAPTURE_DEVICE"
            + " ENABLE_AUDIO_SEND ENABLE_AUDIO_PLAY_DEVICE ENABLE_AUDIO_RECV SET_MIC_VOLUME SET_SPEAKER_VOLUME"
            + " SET_SPEAKER_VOLUME_BY_OPENID ADD_AUDIO_BLACKLIST REMOVE_AUDIO_BLACKLIST UPDATE_AUDIO_RECV_RANGE UPDATE_SELF_POSITION",
        "1202, UNINIT",
        "1502, INIT ENTER_ROOM",
        "2001, SWITCH_ROOM",
        "2002, SWITCH_ROOM",
        "32774, PTT_SPEECH_TO_TEXT PTT_STREAMING_RECOGNITION",
        "32776, PTT_SPEECH_TO_TEXT PTT_STREAMING_RECOGNITION",
        "32775, PTT_STREAMING_RECOGNITION",
        "32777, PTT_STREAMING_RECOGNITION",
        "32786, PTT_STREAMING_RECOGNITION",
    })
    void followTheSdkReference(int value, String operations) {
      EnumSet<Operation> expected = EnumSet.noneOf(Operation.class);
      Arrays.stream(operations.split(" ")).map(Operation::valueOf).forEach(expected::add);
      assertThat(GmeErrorCode.byValue(value).orElseThrow().operations()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}* -> {1}")
    @CsvSource({
        "QAVPTTERROR_UPLOAD_, PTT_UPLOAD",
        "QAVPTTERROR_DOWNLOAD_, PTT_DOWNLOAD",
        "QAVPTTERROR_PLAYER_, PTT_PLAY",
    })
    void ofEachPttFamilyIncludeItsCall(String prefix, Operation operation) {
      assertThat(Stream.of(GmeErrorCode.values()).filter(c -> c.name().startsWith(prefix)))
          .isNotEmpty()
          .allSatisfy(c -> assertThat(c.operations()).as("%s", c).containsExactly(operation));
    }

    @Test
    void ofRecordingSplitBetweenStartingAndStopping() {
      assertThat(GmeErrorCode.QAVPTTERROR_RECORDER_RECORDING_ERR.operations()).contains(PTT_START_RECORDING);
      assertThat(GmeErrorCode.QAVPTTERROR_RECORDER_AUDIO_TOO_SHORT.operations()).containsExactly(PTT_STOP_RECORDING);
      assertThat(GmeErrorCode.QAVPTTERROR_RECORDER_RECORD_NOT_START.operations())
          .containsExactly(PTT_STOP_RECORDING, PTT_PAUSE_RECORDING, PTT_RESUME_RECORDING);
      assertThat(GmeErrorCode.AV_ERR_HAS_IN_THE_STATE.operations())
          .containsExactly(ENTER_ROOM, PAUSE, RESUME, PTT_PAUSE_RECORDING, PTT_RESUME_RECORDING);
    }

    @Test
    void ofTheAppinfoCodesAreTheCallsThatNeedTheAuthBuffer() {
      assertThat(GmeErrorCode.QAVPTTERROR_UPLOAD_APPINFO_UNSET.operations()).containsExactly(PTT_UPLOAD);
      assertThat(GmeErrorCode.QAVPTTERROR_DOWNLOAD_APPINFO_UNSET.operations()).containsExactly(PTT_DOWNLOAD);
      assertThat(GmeErrorCode.QAVPTTERROR_S2T_APPINFO_UNSET.operations()).contains(PTT_SPEECH_TO_TEXT);
    }
  }

  @Nested
  class Categories {

    @Test
    void holdFortyEightRealTimeCodesAndThirtyEightVoiceMessageCodes() {
      assertThat(GmeErrorCode.inCategory(ErrorCategory.GENERAL).size()
          + GmeErrorCode.inCategory(ErrorCategory.CLIENT).size()
          + GmeErrorCode.inCategory(ErrorCategory.SERVER).size()).isEqualTo(48);
      assertThat(GmeErrorCode.inCategory(ErrorCategory.VOICE_MESSAGE)).hasSize(38);
      assertThat(GmeErrorCode.values()).hasSize(86);
    }

    @Test
    void keepThePagesOrder() {
      assertThat(GmeErrorCode.inCategory(ErrorCategory.GENERAL))
          .startsWith(GmeErrorCode.AV_ERR_3DVOICE_ERR_NOT_INITED)
          .endsWith(GmeErrorCode.AV_ERR_3DVOICE_ERR_FILE_DAMAGED);
    }

    @Test
    void neverShareAValue() {
      assertThat(Stream.of(GmeErrorCode.values()).map(GmeErrorCode::value)).doesNotHaveDuplicates();
    }
  }

  @Nested
  class Texts {

    @Test
    void errorInfoStartsWithTheName() {
      assertThat(GmeErrorCode.values()).allSatisfy(c -> assertThat(c.errorInfo()).startsWith(c.name() + ": "));
      assertThat(GmeErrorCode.AV_ERR_AUTH_FIALD.errorInfo()).startsWith("AV_ERR_AUTH_FIALD: Authentication failed");
    }

    @Test
    void everyCodeHasAnEnglishRenderingAndAChineseMeaning() {
      assertThat(GmeErrorCode.values()).allSatisfy(c -> {
        assertThat(c.english()).as("english of %s", c).isNotBlank().endsWith(".");
        assertThat(c.meaningZh()).as("meaning of %s", c).isNotBlank();
      });
    }

    @Test
    void labelShowsValueThenName() {
      assertThat(GmeErrorCode.AV_ERR_AUTH_FIALD.label()).isEqualTo("7006 AV_ERR_AUTH_FIALD");
    }
  }
}
