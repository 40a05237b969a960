package dev.gmesim.core.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.gmesim.core.api.internal.ControlJson;
import dev.gmesim.core.internal.world.VoiceMessages;
import java.io.IOException;

/**
 * Test-only routes for voice messages: {@code GET /__admin/gme/voice-messages} (how many files and
 * bytes the store holds) and {@code PUT /__admin/gme/voice-messages/{id}/transcript} with
 * {@code {"text":"..."}} (what speech-to-text returns for that file).
 */
final class VoiceMessagesAdminApi implements AdminApiExtension {
  private final VoiceMessages voice;

  VoiceMessagesAdminApi(VoiceMessages voice) {
    this.voice = voice;
  }

  @Override
  public String getName() {
    return "gme-voice-messages-admin";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(RequestMethod.GET, "/gme/voice-messages", (admin, event, params) -> summary());
    router.add(RequestMethod.PUT, "/gme/voice-messages/{id}/transcript",
        (admin, event, params) -> transcript(params.get("id"), event));
  }

  private ResponseDefinition summary() {
    ObjectNode body = ControlJson.mapper().createObjectNode();
    body.put("files", voice.fileCount());
    body.put("bytes", voice.storedBytes());
    body.put("maxBytes", voice.maxBytes());
    return json(200, body);
  }

  private ResponseDefinition transcript(String id, ServeEvent event) {
    String text;
    try {
      JsonNode body = ControlJson.mapper().readTree(event.getRequest().getBody());
      JsonNode t = body == null ? null : body.get("text");
      if (t == null || !t.isTextual()) {
        return problem(400, "body must be {\"text\":\"...\"} with the words speech-to-text should return; got "
            + event.getRequest().getBodyAsString());
      }
      text = t.asText();
    } catch (IOException e) {
      return problem(400, "body is not JSON; send {\"text\":\"meet at the bridge\"}");
    }
    String storeId = VoiceMessages.idOf(id);
    try {
      voice.transcript(storeId, text);
    } catch (IllegalArgumentException unknown) {
      return problem(404, unknown.getMessage());
    }
    ObjectNode body = ControlJson.mapper().createObjectNode();
    body.put("id", storeId);
    body.put("text", text);
    return json(200, body);
  }

  private static ResponseDefinition problem(int status, String message) {
    ObjectNode body = ControlJson.mapper().createObjectNode();
    body.put("error", message);
    return json(status, body);
  }

  private static ResponseDefinition json(int status, ObjectNode body) {
    return new ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString())
        .build();
  }
}
