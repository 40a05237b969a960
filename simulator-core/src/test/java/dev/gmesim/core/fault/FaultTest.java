package dev.gmesim.core.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.fault.Fault.HttpFailure;
import org.junit.jupiter.api.Test;

class FaultTest {

  @Test
  void describeReadsAsPeopleSayIt() {
    assertThat(Fault.error(GmeErrorCode.byValue(7006).orElseThrow()).describe()).isEqualTo("7006 AV_ERR_AUTH_FIALD");
    assertThat(Fault.noReply().describe()).isEqualTo("no reply");
    assertThat(Fault.disconnect().describe()).isEqualTo("disconnect");
    assertThat(Fault.reset().describe()).isEqualTo("reset");
    assertThat(Fault.serverError(503).describe()).isEqualTo("http 503");
    assertThat(Fault.http(HttpFailure.CONNECTION_RESET).describe()).isEqualTo("http connection reset");
    assertThat(Fault.http(HttpFailure.EMPTY_RESPONSE).describe()).isEqualTo("http empty response");
    assertThat(Fault.http(HttpFailure.MALFORMED_BODY).describe()).isEqualTo("http malformed body");
  }

  @Test
  void aServerErrorWithoutStatusAnswers500() {
    assertThat(Fault.http(HttpFailure.SERVER_ERROR)).isEqualTo(new Fault.Http(HttpFailure.SERVER_ERROR, 500));
  }

  @Test
  void otherHttpFailuresIgnoreTheStatusSoEqualFaultsCompareEqual() {
    assertThat(new Fault.Http(HttpFailure.EMPTY_RESPONSE, 503)).isEqualTo(Fault.http(HttpFailure.EMPTY_RESPONSE));
    assertThat(new Fault.Http(HttpFailure.EMPTY_RESPONSE, 503).status()).isZero();
  }

  @Test
  void aServerErrorOutside5xxIsRejectedWithTheRange() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fault.serverError(200))
        .withMessage("status: 200 is outside 500..599; pass a server-error status in 500..599");
    assertThatIllegalArgumentException().isThrownBy(() -> Fault.serverError(600));
    assertThat(Fault.serverError(599)).isEqualTo(new Fault.Http(HttpFailure.SERVER_ERROR, 599));
  }
}
