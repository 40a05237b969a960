package dev.gmesim.core.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.MessageToByteEncoder;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Netty handlers for the room protocol's framing: a 4-byte big-endian length, then one JSON
 * {@link Message}. Both the server and the simulated SDK install them with {@link #install}.
 */
public final class FrameCodec {
  private FrameCodec() {}

  /** Adds the frame decoder, message decoder and message encoder to the end of a pipeline. */
  public static void install(ChannelPipeline pipeline) {
    pipeline.addLast("frameDecoder",
        new LengthFieldBasedFrameDecoder(Ops.MAX_FRAME_BYTES, 0, 4, 0, 4, true));
    pipeline.addLast("messageDecoder", new Decoder());
    pipeline.addLast("frameEncoder", new LengthFieldPrepender(4));
    pipeline.addLast("messageEncoder", new Encoder());
  }

  /** Decodes one frame's bytes into a {@link Message}. */
  @ChannelHandler.Sharable
  static final class Decoder extends MessageToMessageDecoder<ByteBuf> {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
      out.add(MessageCodec.decode(ByteBufUtil.getBytes(frame)));
    }
  }

  /** Encodes a {@link Message} into one frame's bytes. */
  @ChannelHandler.Sharable
  static final class Encoder extends MessageToByteEncoder<Message> {
    @Override
    protected void encode(ChannelHandlerContext ctx, Message msg, ByteBuf out) {
      out.writeBytes(MessageCodec.encode(msg));
    }
  }
}
