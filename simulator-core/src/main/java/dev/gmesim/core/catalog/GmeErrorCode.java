package dev.gmesim.core.catalog;

import static dev.gmesim.core.catalog.ErrorCategory.*;
import static dev.gmesim.core.catalog.Operation.*;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every error code on GME's error-code page, named exactly as GME names it (misspellings kept:
 * {@link #AV_ERR_AUTH_FIALD} is 7006), with its value, category, GME's Chinese text, an English
 * rendering and the operations where GME raises it.
 *
 * <pre>{@code
 * GmeErrorCode code = GmeErrorCode.byValue(7006).orElseThrow();
 * code.name();        // "AV_ERR_AUTH_FIALD"
 * code.operations();  // [ENTER_ROOM, SWITCH_ROOM]
 * code.errorInfo();   // the error_info text the simulated SDK reports
 * }</pre>
 *
 * @since 0.1
 */
public enum GmeErrorCode {
  // 一般性错误 (GENERAL): 13 codes. The page has one text column here, so meaningZh is a short
  // summary taken from it and causeZh the full text; the page lists 7002 last, and so do we.

  AV_ERR_3DVOICE_ERR_NOT_INITED(7003, GENERAL, ops(ENABLE_SPATIALIZER),
      "需要先调用 InitSpatializer 接口",
      "需要先调用 InitSpatializer 接口",
      "",
      "3D voice is not initialized; call InitSpatializer (after entering the room) before using 3D voice."),
  AV_ERR_NET_REQUEST_FALLED(7004, GENERAL, ops(ENTER_ROOM),
      "网络请求失败",
      "网络请求失败，一般由网络状态不稳定引起，可参考 [实时语音房间问题](https://cloud.tencent.com/document/product/607/43103) 进行排查",
      "",
      "A network request failed, usually because the network is unstable; check the device's connection and retry."),
  AV_ERR_CHARGE_OVERDUE(7005, GENERAL, ops(ENTER_ROOM),
      "账号欠费导致失败",
      "账号欠费导致失败，需要在腾讯云控制台上查看是否欠费",
      "",
      "The account is in arrears; check its billing in the Tencent Cloud console."),
  AV_ERR_AUTH_FIALD(7006, GENERAL, ops(ENTER_ROOM, SWITCH_ROOM),
      "鉴权失败",
      "鉴权失败 有以下几个原因：1、AppID 不存在或者错误，2、authbuff 鉴权错误，3、鉴权过期",
      "",
      "Authentication failed: the AppID does not exist or is wrong, the auth buffer is wrong, or it has expired. Check the AppID and generate a fresh auth buffer."),
  AV_ERR_IN_OTHER_ROOM(7007, GENERAL, ops(ENTER_ROOM),
      "已经在其它房间",
      "已经在其它房间",
      "",
      "Already in another room; exit it (or use SwitchRoom) before entering a new one."),
  // Docs silent; the room calls that need rights: entering a room and changing to a ticketed room type.
  AV_ERR_NO_PERMISSION(7009, GENERAL, ops(ENTER_ROOM, CHANGE_ROOM_TYPE),
      "没有权限",
      "要进行某个操作的时候，没有权限",
      "",
      "No permission for the requested operation; check that the feature is enabled for this AppID."),
  // Docs silent; outside PTT (which has its own file codes) only InitSpatializer loads a file, the 3D model.
  AV_ERR_FILE_CANNOT_ACCESS(7010, GENERAL, ops(INIT_SPATIALIZER),
      "无法访问文件",
      "无法访问文件",
      "",
      "A file cannot be accessed; check that it exists and that its path and permissions are right."),
  // Docs silent; outside PTT (which has its own file codes) only InitSpatializer loads a file, the 3D model.
  AV_ERR_FILE_DAMAGED(7011, GENERAL, ops(INIT_SPATIALIZER),
      "文件被损坏",
      "文件被损坏",
      "",
      "A file is damaged; replace it with an intact copy."),
  AV_ERR_SERVICE_NOT_OPENED(7012, GENERAL, ops(ENTER_ROOM),
      "没有在控制台开通此功能",
      "没有在控制台开通此功能，请在控制台上开通",
      "",
      "The service is not enabled for this application; enable it in the GME console."),
  AV_ERR_USER_CANCELED(7013, GENERAL, ops(ENTER_ROOM),
      "用户主动取消此操作",
      "用户主动取消此操作，例如没进房成功就进行退房操作",
      "",
      "The user cancelled the operation, e.g. by exiting the room before entry finished; no action is needed unless the cancel was unintended."),
  AV_ERR_LOAD_LIB_FAILED(7014, GENERAL, ops(INIT),
      "库文件没有正常加载",
      "库文件没有正常加载，请检查库文件是否缺失",
      "",
      "The SDK's library files failed to load; check that none are missing from the build."),
  AV_ERR_SDK_NOT_FULL_UPDATE(7015, GENERAL, ops(INIT),
      "没有升级所有的文件",
      "升级 SDK 时，没有升级所有的文件，导致某些模块不匹配，请全量升级 SDK",
      "",
      "Only part of the SDK was upgraded, so some modules do not match (Init reports it as a warning); upgrade all of the SDK's files."),
  AV_ERR_3DVOICE_ERR_FILE_DAMAGED(7002, GENERAL, ops(INIT_SPATIALIZER),
      "3D 音效文件未加载成功",
      "3D 音效文件未加载成功",
      "",
      "The 3D voice model file failed to load; check the model path passed to InitSpatializer and that the file is intact."),

  // 客户端错误 (CLIENT): 24 codes.

  // The table names EnterRoom; the page adds ExitRoom and device on/off (Init on a started context just returns OK).
  AV_ERR_REPEATED_OPERATION(1001, CLIENT, ops(ENTER_ROOM, EXIT_ROOM, ENABLE_MIC, ENABLE_SPEAKER,
          ENABLE_AUDIO_CAPTURE_DEVICE, ENABLE_AUDIO_PLAY_DEVICE),
      "重复操作",
      "已经在进行某种操作，再次去做同样的操作，则会产生这个错误。操作类别主要有：AVContext 类、房间类、设备类、成员类。AVContext 类型的操作：StartContext/StopContext。房间类型的操作：EnterRoom/ExitRoom。设备类型的操作：打开/关闭某个设备。",
      "等待上一个操作完成后再进行下一个操作。",
      "The same operation is already in progress (context start/stop, room entry/exit, or opening/closing a device); wait for it to finish first."),
  // Docs silent; room operations exclude each other, e.g. EnterRoom while ExitRoom is still running.
  AV_ERR_EXCLUSIVE_OPERATION(1002, CLIENT, ops(ENTER_ROOM, EXIT_ROOM, SWITCH_ROOM),
      "互斥操作",
      "已经在进行某种操作，再次去做同类型的其他操作，则会产生这个错误。",
      "等待上一个操作完成后再进行下一个操作。",
      "Another operation of the same kind is in progress; wait for it to finish before starting the next."),
  // The table names EnterRoom. Docs silent on PauseRecording/ResumeRecording and on Pause/Resume:
  // pausing what is paused, or resuming what runs, is the same "already in that state" (GME: treat as
  // success), which the simulator answers with 1003.
  AV_ERR_HAS_IN_THE_STATE(1003, CLIENT, ops(ENTER_ROOM, PTT_PAUSE_RECORDING, PTT_RESUME_RECORDING, PAUSE, RESUME),
      "重复操作",
      "对象已经处于某种状态，再去做使得它进入这种状态的操作时，则会产生这个错误。如已经在房间中，再去做进入房间的操作，就会产生这个错误。",
      "由于已经处于所要状态，可以认为该操作已经成功，当作成功来处理。",
      "The object is already in the requested state, e.g. entering a room already entered; treat it as success."),
  // The table lists 1004 for room calls and the page's example is EnterRoom's room type: the room calls taking arguments.
  // The volume calls take a 0-200 volume (and an openId), so they are argument-taking calls too. Range
  // voice: SetRangeAudioTeamID's teamID must not be 0 in a room (ML manual); a negative range, a bad
  // position, an unknown mode, blacklisting oneself: docs silent, the simulator answers 1004 for those.
  AV_ERR_INVALID_ARGUMENT(1004, CLIENT, ops(ENTER_ROOM, SWITCH_ROOM, CHANGE_ROOM_TYPE,
          SET_MIC_VOLUME, SET_SPEAKER_VOLUME, SET_SPEAKER_VOLUME_BY_OPENID,
          ADD_AUDIO_BLACKLIST, REMOVE_AUDIO_BLACKLIST, SET_RANGE_AUDIO_TEAM_ID, SET_RANGE_AUDIO_MODE,
          UPDATE_AUDIO_RECV_RANGE, UPDATE_SELF_POSITION),
      "错误参数",
      "调用 SDK 接口时，传入错误的参数，则会产生这个错误。如进入房间时，传入的房间类型不等于 AVRoom::ROOM_TYPE_PAIR 或 AVRoom::ROOM_TYPE_MULTI，就会产生这个错误。",
      "详细阅读 API 文档，获取每个接口的每个参数的有效取值范围，保证传入参数的正确性并进行相应的预防处理。",
      "An SDK call got an invalid argument, e.g. an unknown room type on EnterRoom; check each parameter against its documented range."),
  AV_ERR_TIMEOUT(1005, CLIENT, ops(ENTER_ROOM, EXIT_ROOM, SWITCH_ROOM),
      "操作超时",
      "进行某个操作，在规定的时间内，还未返回操作结果，则会产生这个错误。多数情况下，涉及到信令传输的、且网络出问题的情况下，才容易产生这个错误。如执行进入房间操作时，30s后还没有返回进入房间操作完成的结果的话，就会产生这个错误。",
      "确认网络是否有问题，是否能连接到外网环境，并尝试重试。",
      "The operation got no result in time, typically signalling over a bad network (EnterRoom after 30 s); check the network and retry."),
  // Docs silent; chose the optional features an SDK build or platform may lack: 3D voice and streaming recognition.
  AV_ERR_NOT_IMPLEMENTED(1006, CLIENT, ops(INIT_SPATIALIZER, ENABLE_SPATIALIZER, PTT_STREAMING_RECOGNITION),
      "未实现",
      "调用 SDK 接口时，如果相应的功能还未支持，则会产生这个错误。",
      "暂不支持该功能，找其他替代方案。",
      "The SDK does not support this feature yet; use another approach."),
  // The table lists 1007 for room calls and the page says every call must be on the main thread: all room-side calls.
  AV_ERR_NOT_IN_MAIN_THREAD(1007, CLIENT, ops(INIT, UNINIT, ENTER_ROOM, EXIT_ROOM, SWITCH_ROOM,
          CHANGE_ROOM_TYPE, ENABLE_MIC, ENABLE_SPEAKER, INIT_SPATIALIZER, ENABLE_SPATIALIZER,
          ENABLE_AUDIO_CAPTURE_DEVICE, ENABLE_AUDIO_SEND, ENABLE_AUDIO_PLAY_DEVICE, ENABLE_AUDIO_RECV,
          SET_MIC_VOLUME, SET_SPEAKER_VOLUME, SET_SPEAKER_VOLUME_BY_OPENID, PAUSE, RESUME,
          ADD_AUDIO_BLACKLIST, REMOVE_AUDIO_BLACKLIST, SET_RANGE_AUDIO_TEAM_ID, SET_RANGE_AUDIO_MODE,
          UPDATE_AUDIO_RECV_RANGE, UPDATE_SELF_POSITION),
      "不在主线程",
      "SDK 对外接口要求在主线程执行，如果业务侧调用 SDK 接口时，没有在主线程调用，则会产生这个错误。",
      "修改业务侧逻辑，确保在主线程调用 SDK 接口。",
      "An SDK call was made off the main thread; call every SDK interface from the main thread."),
  // Docs silent; in a voice SDK the resources are the audio devices, which EnableMic and EnableSpeaker open
  // (through EnableAudioCaptureDevice and EnableAudioPlayDevice).
  AV_ERR_RESOURCE_IS_OCCUPIED(1008, CLIENT, ops(ENABLE_MIC, ENABLE_SPEAKER, ENABLE_AUDIO_CAPTURE_DEVICE,
          ENABLE_AUDIO_PLAY_DEVICE),
      "资源被占用",
      "当需要用到某种资源，如摄像头、屏幕等，而这些资源已经被占用了，则会产生这个错误。",
      "确认具体要用到哪些资源，及这样资源为什么被占用了，确保在正确的时机使用 SDK 相关功能以保证资源使用不冲突。",
      "A resource the call needs, such as an audio device, is in use elsewhere; find what holds it and call again when it is free."),
  // The table names EnterRoom; ApplyPTTAuthbuffer also needs a started context (the docs say to call it after Init),
  // and so, in the simulator, do Pause and Resume (docs silent), which act on the started context.
  AV_ERR_CONTEXT_NOT_EXIST(1101, CLIENT, ops(ENTER_ROOM, PTT_APPLY_AUTH, PAUSE, RESUME),
      "AVContext 状态问题",
      "当 AVContext 对象未处于 CONTEXT_STATE_STARTED 状态，去调用需要处于这个状态才允许调用的接口时，则会产生这个错误。",
      "修改业务侧逻辑，确保调用SDK接口的时机的正确性。",
      "The context is not started (CONTEXT_STATE_STARTED); call Init, and Poll regularly, before calls that need it."),
  // Docs silent; Init starts the context and Uninit destroys it, the two calls that need it stopped.
  AV_ERR_CONTEXT_NOT_STOPPED(1102, CLIENT, ops(INIT, UNINIT),
      "AVContext 状态问题",
      "当 AVContext 对象未处于 CONTEXT_STATE_STOPPED 状态，去调用需要处于这个状态才允许调用的接口时，则会产生这个错误。如不在这种状态下，去调用 AVContext::DestroyContext 时，就会产生这个错误。",
      "修改业务侧逻辑，确保调用 SDK 接口的时机的正确性。",
      "The context is not stopped (CONTEXT_STATE_STOPPED) for a call that needs it, e.g. destroying a running context; fix the order of SDK calls."),
  // The audio-control calls work only after room entry (GME's header), so they join the room calls; the
  // blacklist is per room (it lapses on exit) and ITMGRoom's range calls act on the room: 1201 outside one.
  AV_ERR_ROOM_NOT_EXIST(1201, CLIENT, ops(EXIT_ROOM, SWITCH_ROOM,
          CHANGE_ROOM_TYPE, ENABLE_MIC, ENABLE_SPEAKER, ENABLE_AUDIO_CAPTURE_DEVICE, ENABLE_AUDIO_SEND,
          ENABLE_AUDIO_PLAY_DEVICE, ENABLE_AUDIO_RECV, SET_MIC_VOLUME, SET_SPEAKER_VOLUME,
          SET_SPEAKER_VOLUME_BY_OPENID,
          ADD_AUDIO_BLACKLIST, REMOVE_AUDIO_BLACKLIST, UPDATE_AUDIO_RECV_RANGE, UPDATE_SELF_POSITION),
      "AVRoom 状态问题",
      "当 AVRoom 对象未处于 ROOM_STATE_ENTERED 状态，去调用需要处于这个状态才允许调用的接口时，则会产生这个错误。",
      "修改业务侧逻辑，确保调用 SDK 接口的时机的正确性。",
      "The room is not entered (ROOM_STATE_ENTERED) for a call that needs it; enter a room first."),
  AV_ERR_ROOM_NOT_EXITED(1202, CLIENT, ops(UNINIT),
      "AVRoom 状态问题",
      "当 AVRoom 对象未处于 ROOM_STATE_EXITED 状态，去调用需要处于这个状态才允许调用的接口时，则会产生这个错误。如不在这种状态下，去调用 AVContext::StopContext 时，就会产生这个错误。",
      "修改业务侧逻辑，确保调用 SDK 接口的时机的正确性。",
      "The room is not exited (ROOM_STATE_EXITED) for a call that needs it, e.g. stopping the context while in a room; exit the room first."),
  // The table lists 1301 for room calls; EnableMic and EnableSpeaker, through their device halves, use a device.
  AV_ERR_DEVICE_NOT_EXIST(1301, CLIENT, ops(ENABLE_MIC, ENABLE_SPEAKER, ENABLE_AUDIO_CAPTURE_DEVICE,
          ENABLE_AUDIO_PLAY_DEVICE),
      "设备不存在",
      "当设备不存在或者设备初始化未完成时，去使用设备，则会产生这个错误。",
      "确认设备是否真的存在，确保设备 ID 填写的正确性，确保在设备初始化成功后再去使用设备。",
      "The device does not exist or has not finished initializing; check the device and its ID, and use it only once initialized."),
  // Docs silent; EnableSpeaker (through EnableAudioRecv) takes other members' audio streams (their endpoints),
  // and SetSpeakerVolumeByOpenID names one: the simulator answers 1401 for an openId not in the room.
  AV_ERR_ENDPOINT_NOT_EXIST(1401, CLIENT, ops(ENABLE_SPEAKER, ENABLE_AUDIO_RECV, SET_SPEAKER_VOLUME_BY_OPENID),
      "AVEndpoint 对象不存在",
      "当成员没有在发语音或视频文件时，去获取它的 AVEndpoint 对象时，就可能产生这个错误。",
      "修改业务侧逻辑，确保调用SDK接口的时机的正确性。",
      "The member's endpoint does not exist, typically because the member is not sending audio; fix the timing of the call."),
  // Docs silent; GME is voice-only, so chose the call that requests other members' streams (and its recv half).
  AV_ERR_ENDPOINT_HAS_NOT_VIDEO(1402, CLIENT, ops(ENABLE_SPEAKER, ENABLE_AUDIO_RECV),
      "成员没有发视频",
      "当成员没有在发视频时，去做需要成员发视频的相关操作时，就可能产生这个错误。如当某个成员没有发送视频时，去请求他的画面，就会产生这个错误。",
      "修改业务侧逻辑，确保调用 SDK 接口的时机的正确性。",
      "The member is not sending video, so a request for that member's video fails; fix the timing of the call."),
  // Docs silent; member-update signalling, where tinyids are converted, arrives on entering or switching rooms.
  AV_ERR_TINYID_TO_OPENID_FAILED(1501, CLIENT, ops(ENTER_ROOM, SWITCH_ROOM),
      "tinyid 转 identifier 失败",
      "当收到某个成员信息更新的信令时，需要去把 tinyid 转成 identifier，如果 IMSDK 库相关逻辑存在问题、网络存在问题等，则会产生这个错误。",
      "确认网络是否存在问题，查看日志确认 IMSDK 相关逻辑是否存在问题。",
      "Converting a member's tinyid to an identifier failed on a member update (IMSDK or network problem); check the network and the IMSDK logs."),
  // Docs silent; the conversion happens in StartContext, which Init and the first EnterRoom drive.
  AV_ERR_OPENID_TO_TINYID_FAILED(1502, CLIENT, ops(INIT, ENTER_ROOM),
      "identifier 转 tinyid 失败",
      "当调用 StartContext 接口时，需要去把 identifier 转成 tinyid，如果 IMSDK 库相关逻辑存在问题、网络存在问题、没有处于登录态时等，则会产生这个错误。",
      "确认网络是否存在问题，查看日志确认 IMSDK 相关逻辑是否存在问题，确认已经成功调用 IMSDK 的登录接口。",
      "Converting the identifier to a tinyid failed when starting the context (IMSDK, network or not logged in); check the network, the logs and the login."),
  // Docs silent; the device test concerns the audio devices, which EnableMic and EnableSpeaker use.
  AV_ERR_DEVICE_TEST_NOT_EXIST(1601, CLIENT, ops(ENABLE_MIC, ENABLE_SPEAKER, ENABLE_AUDIO_CAPTURE_DEVICE,
          ENABLE_AUDIO_PLAY_DEVICE),
      "AVDeviceTest 状态问题",
      "当 AVDeviceTest 对象未处于 DEVICE_TEST_STATE_STARTED 状态，去调用需要处于这个状态才允许调用的接口时，则会产生这个错误。",
      "修改业务侧逻辑，确保调用 SDK 接口的时机的正确性。",
      "The device test is not started (DEVICE_TEST_STATE_STARTED) for a call that needs it; fix the timing of the call."),
  // Docs silent; the page's example is stopping the context, which Uninit does.
  AV_ERR_DEVICE_TEST_NOT_STOPPED(1602, CLIENT, ops(UNINIT),
      "AVDeviceTest 状态问题",
      "当 AVDeviceTest 对象未处于 DEVICE_TEST_STATE_STOPPED 状态，去调用需要处于这个状态才允许调用的接口时，则会产生这个错误。如不在这种状态下，去调用 AVContext::StopContext 时，就会产生这个错误。",
      "修改业务侧逻辑，确保调用 SDK 接口的时机的正确性。",
      "The device test is not stopped (DEVICE_TEST_STATE_STOPPED), e.g. when stopping the context during a test; stop the test first."),
  // Docs silent; invites are a demo-only feature that leads into a room, hence EnterRoom.
  AV_ERR_INVITE_FAILED(1801, CLIENT, ops(ENTER_ROOM),
      "发送邀请失败",
      "发送邀请时产生的失败。",
      "邀请模块只是用于 DEMO 演示方便用，对外暂不支持邀请功能，所以业务侧不需要处理这些错误码。",
      "Sending an invite failed; invites exist only for GME's demo, so clients need not handle this code."),
  // Docs silent; invites are a demo-only feature that leads into a room, hence EnterRoom.
  AV_ERR_ACCEPT_FAILED(1802, CLIENT, ops(ENTER_ROOM),
      "接受邀请失败",
      "接受邀请时产生的失败。",
      "邀请模块只是用于 DEMO 演示方便用，对外暂不支持邀请功能，所以业务侧不需要处理这些错误码。",
      "Accepting an invite failed; invites exist only for GME's demo, so clients need not handle this code."),
  // Docs silent; invites are a demo-only feature that leads into a room, hence EnterRoom.
  AV_ERR_REFUSE_FAILED(1803, CLIENT, ops(ENTER_ROOM),
      "拒绝邀请失败",
      "拒绝邀请时产生的失败。",
      "邀请模块只是用于 DEMO 演示方便用，对外暂不支持邀请功能，所以业务侧不需要处理这些错误码。",
      "Refusing an invite failed; invites exist only for GME's demo, so clients need not handle this code."),
  QAV_ERR_NOT_TRY_NEW_ROOM(2001, CLIENT, ops(SWITCH_ROOM),
      "没有尝试进入新房间，将停留在旧房间。",
      "切换到新房间失败，但仍然在当前房间",
      "在当前房间仍可以正常使用。",
      "The switch to the new room was not attempted; the client stays in the old room, which still works."),
  QAV_ERR_TRY_NEW_ROOM_FAILED(2002, CLIENT, ops(SWITCH_ROOM),
      "尝试进入新房间，但失败了，旧房间也将关闭。",
      "切换到新房间失败，同时已退出原来的房间",
      "退出房间，重新进入。",
      "The switch to the new room failed and the old room was left too; enter a room again."),

  // 服务端错误 (SERVER): 11 codes.

  AV_ERR_SERVER_FAILED(10001, SERVER, ops(ENTER_ROOM),
      "一般错误",
      "具体原因需要通过分析日志确认后台返回给客户端的真正错误码才能知道。",
      "查看并确认进房 API 中的参数，如 AppID， UIN， AuthBuffer 的合法性（参照文档）。请查看控制台上的相关参数是否与本地的一致。请查看控制台是否欠费。检查开发者测试设备网络环境，是在开发者内网环境还是外网环境。",
      "A general server error; check the entry parameters (AppID, UIN, auth buffer) against the console, the billing and the network, and read the logs for the real code."),
  // Docs silent; chose the calls that send arguments to the server: entering, switching, changing room type.
  AV_ERR_SERVER_INVALID_ARGUMENT(10002, SERVER, ops(ENTER_ROOM, SWITCH_ROOM, CHANGE_ROOM_TYPE),
      "错误参数",
      "调用 SDK 接口时，或 SDK 内部发送信令给后台时，传了错误的参数。",
      "确保调用 SDK 接口时所传的参数的正确性。分析日志，获取后台返回给客户端的真正错误码，并联系后台同事协助解决。",
      "The server got an invalid argument from an SDK call or its signalling; check the parameters and read the logs for the real code."),
  AV_ERR_SERVER_NO_PERMISSION(10003, SERVER, ops(ENTER_ROOM),
      "没有权限",
      "没有权限使用某个功能。如进入房间时所带的签名错误或过期，就会产生这个错误。",
      "确保在设置正确的权限参数后才去使用相应的功能。检查 AppID 及权限密钥是否正确。",
      "No permission for the feature, e.g. a wrong or expired signature on room entry; check the AppID and the permission key."),
  AV_ERR_SERVER_TIMEOUT(10004, SERVER, ops(ENTER_ROOM),
      "超时",
      "进行某个操作，在规定的时间内，还未返回操作结果，则会产生这个错误。",
      "分析日志，获取后台返回给客户端的真正错误码，并联系后台同事协助解决。",
      "The server did not return a result in time; read the logs for the server's real code."),
  AV_ERR_SERVER_ALLOC_RESOURCE_FAILED(10005, SERVER, ops(ENTER_ROOM),
      "网络错误",
      "执行某些操作时，网络错误",
      "看并确认进房 API 中的参数，例如 AppID， UIN， AuthBuffer 的合法性（参照文档）。如果合法，检查开发者测试设备网络环境，是在开发者内网环境还是外网环境。如果是开发者内网，请开发者探测下 url：openmsf.3g.qq.com:15000 是否能够连接上。如上 url 成功连接，请探测下 url：cloud.tim.qq.com:15000 是否能够连通。",
      "A network error during the operation; check the entry parameters (AppID, UIN, auth buffer), then whether the device can reach GME's servers."),
  // Docs silent; the server rejects these from a member not in the room, so the calls that need a room.
  AV_ERR_SERVER_ID_NOT_IN_ROOM(10006, SERVER, ops(EXIT_ROOM, SWITCH_ROOM,
          CHANGE_ROOM_TYPE, ENABLE_MIC, ENABLE_SPEAKER, ENABLE_AUDIO_SEND, ENABLE_AUDIO_RECV),
      "不在房间内",
      "在不在房间内时，去执行某些操作，则会产生这个错误。",
      "确保在正确的时机使用 SDK 相关功能",
      "The member is not in the room for an operation that needs it; make the call only while in the room."),
  // Docs silent; chose the server-side room features beyond plain entry: switching rooms, changing room type.
  AV_ERR_SERVER_NOT_IMPLEMENT(10007, SERVER, ops(SWITCH_ROOM, CHANGE_ROOM_TYPE),
      "未实现",
      "调用 SDK 接口时，如果相应的功能还未支持，则会产生这个错误。",
      "暂不支持该功能，找其他替代方案。",
      "The server does not support this feature yet; use another approach."),
  // Docs silent; chose the room requests that can overlap on the server.
  AV_ERR_SERVER_REPEATED_OPERATION(10008, SERVER, ops(ENTER_ROOM, EXIT_ROOM, SWITCH_ROOM, CHANGE_ROOM_TYPE),
      "重复操作",
      "已经在进行某种操作，再次去做同类型的其他操作，则会产生这个错误。",
      "等待上一个操作完成后再进行下一个操作。",
      "Another operation of the same kind is already in progress on the server; wait for it to finish first."),
  // Docs silent; chose the calls on an existing room (EnterRoom creates the room, so it is left out).
  AV_ERR_SERVER_ROOM_NOT_EXIST(10009, SERVER, ops(EXIT_ROOM, SWITCH_ROOM, CHANGE_ROOM_TYPE),
      "房间不存在",
      "房间不存在时，去执行某些操作，则会产生这个错误。",
      "确保在正确的时机使用 SDK 相关功能",
      "The room does not exist for an operation on it; make the call only while the room exists."),
  // Docs silent; EnableMic and EnableSpeaker start the member's audio send and receive on the server
  // (the EnableAudioSend and EnableAudioRecv halves).
  AV_ERR_SERVER_ENDPOINT_NOT_EXIST(10010, SERVER, ops(ENABLE_MIC, ENABLE_SPEAKER, ENABLE_AUDIO_SEND,
          ENABLE_AUDIO_RECV),
      "成员不存在",
      "某个成员不存在时，去执行该成员相关的操作，则会产生这个错误。",
      "分析日志，获取后台返回给客户端的真正错误码，并联系后台同事协助解决。",
      "A member does not exist for an operation on that member; read the logs for the server's real code."),
  // Docs silent; 'ability' reads as the room's audio capability, set on entry and by ChangeRoomType.
  AV_ERR_SERVER_INVALID_ABILITY(10011, SERVER, ops(ENTER_ROOM, CHANGE_ROOM_TYPE),
      "错误能力",
      "具体原因需要通过分析日志确认后台返回给客户端的真正错误码才能知道。",
      "分析日志，获取后台返回给客户端的真正错误码，并联系后台同事协助解决。",
      "The server rejected a capability (ability) the client asked for; read the logs for the server's real code."),

  // 离线语音错误 (VOICE_MESSAGE): 38 codes; GME leaves gaps (8199, 12296, 32771, 32773, 32778-32783).

  // The table's Record row does not say which call; set-up failures go to StartRecording and to
  // streaming recognition (which records too), end-of-recording failures to StopRecording.
  QAVPTTERROR_RECORDER_PARAM_NULL(4097, VOICE_MESSAGE, ops(PTT_START_RECORDING, PTT_STREAMING_RECOGNITION),
      "录音错误",
      "参数为空",
      "检查代码中接口参数是否正确",
      "A recording parameter is empty; check the arguments passed to the recording call."),
  QAVPTTERROR_RECORDER_INIT_ERROR(4098, VOICE_MESSAGE, ops(PTT_START_RECORDING, PTT_STREAMING_RECOGNITION),
      "录音错误",
      "初始化错误",
      "检查设备是否被占用，或者权限是否正常，是否初始化正常",
      "The recorder failed to initialize; check that the microphone is not in use elsewhere and that permissions are granted."),
  QAVPTTERROR_RECORDER_RECORDING_ERR(4099, VOICE_MESSAGE, ops(PTT_START_RECORDING, PTT_STREAMING_RECOGNITION),
      "录音错误",
      "正在录制中",
      "确保在正确的时机使用 SDK 录制功能",
      "A recording is already in progress; start the next one only after the previous recording has completed."),
  QAVPTTERROR_RECORDER_NODATA_ERR(4100, VOICE_MESSAGE, ops(PTT_STOP_RECORDING),
      "录音错误",
      "没有采集到音频数据",
      "检查麦克风设备是否正常",
      "No audio data was captured; check that the microphone works."),
  QAVPTTERROR_RECORDER_OPENFILE_ERR(4101, VOICE_MESSAGE, ops(PTT_START_RECORDING, PTT_STREAMING_RECOGNITION),
      "录音错误",
      "录音时，录制文件访问错误",
      "确保文件存在，文件路径的合法性",
      "The recording file cannot be accessed; check that its folder exists and the path is valid."),
  QAVPTTERROR_RECORDER_PERMISSION_MIC_ERR(4102, VOICE_MESSAGE, ops(PTT_START_RECORDING,
          PTT_STREAMING_RECOGNITION),
      "录音错误",
      "麦克风未授权错误",
      "使用 SDK 需要麦克风权限，添加权限请参考对应引擎或平台的 SDK 工程配置文档",
      "The app has no microphone permission; add it as the engine's or platform's SDK setup guide describes."),
  QAVPTTERROR_RECORDER_AUDIO_TOO_SHORT(4103, VOICE_MESSAGE, ops(PTT_STOP_RECORDING),
      "录音错误",
      "录音时间太短错误",
      "首先，限制录音时长的单位为毫秒，检查参数是否正确；其次，录音时长要1000毫秒以上才能成功录制",
      "The recording is too short; durations are in milliseconds and a recording must last more than 1000 ms."),
  // Docs silent on which calls: every call that needs a recording under way (stop, pause, resume).
  QAVPTTERROR_RECORDER_RECORD_NOT_START(4104, VOICE_MESSAGE, ops(PTT_STOP_RECORDING, PTT_PAUSE_RECORDING,
          PTT_RESUME_RECORDING),
      "录音错误",
      "没有启动录音操作",
      "检查是否已经调用启动录音接口",
      "No recording was started; call StartRecording before stopping, pausing or resuming."),
  QAVPTTERROR_UPLOAD_FILE_ACCESSERROR(8193, VOICE_MESSAGE, ops(PTT_UPLOAD),
      "上传错误",
      "上传文件时，文件访问错误",
      "确保文件存在，文件路径的合法性",
      "The file to upload cannot be accessed; check that it exists and the path is valid."),
  QAVPTTERROR_UPLOAD_SIGN_CHECK_FAIL(8194, VOICE_MESSAGE, ops(PTT_UPLOAD),
      "上传错误",
      "签名校验失败错误",
      "检查鉴权密钥是否正确，检查是否有初始化离线语音",
      "The signature check failed on upload; check the auth key and that voice messages were initialized (ApplyPTTAuthbuffer)."),
  QAVPTTERROR_UPLOAD_COS_INTERNAL_FAIL(8195, VOICE_MESSAGE, ops(PTT_UPLOAD),
      "上传错误",
      "网络错误",
      "检查设备网络是否可以正常访问外网环境",
      "The upload failed on a network error; check that the device can reach the internet."),
  QAVPTTERROR_UPLOAD_GET_TOKEN_NETWORK_FAIL(8196, VOICE_MESSAGE, ops(PTT_UPLOAD),
      "上传错误",
      "获取上传参数过程中网络失败",
      "检查鉴权是否正确，检查设备网络是否可以正常访问外网环境",
      "The network failed while fetching the upload parameters; check the authentication and the device's network."),
  QAVPTTERROR_UPLOAD_SYSTEM_INNER_ERROR(8197, VOICE_MESSAGE, ops(PTT_UPLOAD),
      "上传错误",
      "获取上传参数过程中回包数据为空",
      "检查鉴权是否正确，检查设备网络是否可以正常访问外网环境",
      "Fetching the upload parameters returned an empty response; check the authentication and the device's network."),
  QAVPTTERROR_UPLOAD_RSP_DATA_DECODE_FAIL(8198, VOICE_MESSAGE, ops(PTT_UPLOAD),
      "上传错误",
      "获取上传参数过程中回包解包失败",
      "检查鉴权是否正确，检查设备网络是否可以正常访问外网环境",
      "The response with the upload parameters could not be decoded; check the authentication and the device's network."),
  QAVPTTERROR_UPLOAD_APPINFO_UNSET(8200, VOICE_MESSAGE, ops(PTT_UPLOAD),
      "上传错误",
      "没有设置 appinfo",
      "检查 apply 接口是否有调用，或者入参是否为空",
      "No appinfo is set for the upload; call ApplyPTTAuthbuffer with a non-empty auth buffer first."),
  QAVPTTERROR_DOWNLOAD_FILE_ACCESSERROR(12289, VOICE_MESSAGE, ops(PTT_DOWNLOAD),
      "下载错误",
      "下载文件时，文件访问错误",
      "检查文件路径是否合法",
      "The download's target file cannot be accessed; check that the file path is valid."),
  QAVPTTERROR_DOWNLOAD_SIGN_CHECK_FAIL(12290, VOICE_MESSAGE, ops(PTT_DOWNLOAD),
      "下载错误",
      "签名校验失败",
      "检查鉴权密钥是否正确，检查是否有初始化离线语音",
      "The signature check failed on download; check the auth key and that voice messages were initialized."),
  QAVPTTERROR_DOWNLOAD_COS_INTERNAL_FAIL(12291, VOICE_MESSAGE, ops(PTT_DOWNLOAD),
      "下载错误",
      "网络错误",
      "服务器获取语音文件失败，检查接口参数 fileid 是否正确，检查网络是否正常",
      "The server could not fetch the voice file (network error); check the fileid and the network."),
  QAVPTTERROR_DOWNLOAD_REMOTEFILE_ACCESSERROR(12292, VOICE_MESSAGE, ops(PTT_DOWNLOAD),
      "下载错误",
      "服务器文件系统错误",
      "检查设备网络是否可以正常访问外网环境，检查服务器上是否有此文件",
      "The server's file system failed; check the device's network and that the file exists on the server."),
  QAVPTTERROR_DOWNLOAD_GET_SIGN_NETWORK_FAIL(12293, VOICE_MESSAGE, ops(PTT_DOWNLOAD),
      "下载错误",
      "获取下载参数过程中，HTTP 网络失败",
      "检查设备网络是否可以正常访问外网环境",
      "An HTTP network failure while fetching the download parameters; check the device's network."),
  QAVPTTERROR_DOWNLOAD_SYSTEM_INNER_ERROR(12294, VOICE_MESSAGE, ops(PTT_DOWNLOAD),
      "下载错误",
      "获取下载参数过程中，回包数据为空",
      "检查设备网络是否可以正常访问外网环境",
      "Fetching the download parameters returned an empty response; check the device's network."),
  QAVPTTERROR_DOWNLOAD_GET_SIGN_RSP_DATA_DECODE_FAIL(12295, VOICE_MESSAGE, ops(PTT_DOWNLOAD),
      "下载错误",
      "获取下载参数过程中，回包解包失败",
      "检查设备网络是否可以正常访问外网环境",
      "The response with the download parameters could not be decoded; check the device's network."),
  QAVPTTERROR_DOWNLOAD_APPINFO_UNSET(12297, VOICE_MESSAGE, ops(PTT_DOWNLOAD),
      "下载错误",
      "没有设置 appinfo",
      "检查鉴权密钥是否正确，检查是否有初始化离线语音",
      "No appinfo is set for the download; check the auth key and that voice messages were initialized (ApplyPTTAuthbuffer)."),
  QAVPTTERROR_PLAYER_INIT_ERR(20481, VOICE_MESSAGE, ops(PTT_PLAY),
      "播放错误",
      "初始化错误",
      "检查设备是否被占用，或者权限是否正常，是否初始化正常",
      "The player failed to initialize; check that the audio device is not in use elsewhere and that permissions are granted."),
  QAVPTTERROR_PLAYER_PLAYING_ERR(20482, VOICE_MESSAGE, ops(PTT_PLAY),
      "播放错误",
      "正在播放中，试图打断并播放下一个失败了（正常是可以打断的）",
      "检查代码逻辑是否正确",
      "Interrupting the current playback to play the next file failed (normally it can be interrupted); check the calling code."),
  QAVPTTERROR_PLAYER_PARAM_NULL(20483, VOICE_MESSAGE, ops(PTT_PLAY),
      "播放错误",
      "参数为空",
      "检查代码中接口参数是否正确",
      "A playback parameter is empty; check the arguments passed to the play call."),
  QAVPTTERROR_PLAYER_OPENFILE_ERR(20484, VOICE_MESSAGE, ops(PTT_PLAY),
      "播放错误",
      "播放时，文件访问错误",
      "确保文件存在，文件路径的合法性",
      "The file to play cannot be accessed; check that it exists and the path is valid."),
  QAVPTTERROR_PLAYER_PLAYER_NOT_START_ERR(20485, VOICE_MESSAGE, ops(PTT_PLAY),
      "播放错误",
      "播放未开始",
      "确保文件存在，文件路径的合法性",
      "Playback has not started; check that the file exists and the path is valid."),
  QAVPTTERROR_S2T_INTERNAL_ERROR(32769, VOICE_MESSAGE, ops(PTT_SPEECH_TO_TEXT),
      "语音转文字错误",
      "内部错误",
      "分析日志，获取后台返回给客户端的真正错误码，并联系后台同事协助解决。",
      "Speech-to-text hit an internal error; read the logs for the server's real code."),
  QAVPTTERROR_S2T_NETWORK_FAIL(32770, VOICE_MESSAGE, ops(PTT_SPEECH_TO_TEXT),
      "语音转文字错误",
      "网络失败",
      "检查设备网络是否可以正常访问外网环境",
      "Speech-to-text failed on the network; check that the device can reach the internet."),
  QAVPTTERROR_S2T_RSP_DATA_DECODE_FAIL(32772, VOICE_MESSAGE, ops(PTT_SPEECH_TO_TEXT),
      "语音转文字错误",
      "回包解包失败",
      "分析日志，获取后台返回给客户端的真正错误码，并联系后台同事协助解决。",
      "The speech-to-text response could not be decoded; read the logs for the server's real code."),
  QAVPTTERROR_S2T_APPINFO_UNSET(32774, VOICE_MESSAGE, ops(PTT_SPEECH_TO_TEXT, PTT_STREAMING_RECOGNITION),
      "语音转文字错误",
      "没有设置 appinfo",
      "检查鉴权密钥是否正确，检查是否有初始化离线语音",
      "No appinfo is set for speech-to-text; check the auth key and that voice messages were initialized (ApplyPTTAuthbuffer)."),
  QAVPTTERROR_STREAMIN_RECORD_SUC_REC_FAIL(32775, VOICE_MESSAGE, ops(PTT_STREAMING_RECOGNITION),
      "流式语音转文本错误",
      "流式语音转文本失败，但是录音成功了",
      "检查网络是否正确连接，检查权限密钥是否正确",
      "Streaming speech-to-text failed although the recording succeeded; check the network connection and the permission key."),
  QAVPTTERROR_S2T_SIGN_CHECK_FAIL(32776, VOICE_MESSAGE, ops(PTT_SPEECH_TO_TEXT, PTT_STREAMING_RECOGNITION),
      "authbuffer校验失败",
      "authbuffer 校验失败",
      "检查 authbuffer 是否正确",
      "The authbuffer check failed; check that the authbuffer is correct."),
  QAVPTTERROR_STREAMIN_UPLOADANDRECORD_SUC_REC_FAIL(32777, VOICE_MESSAGE, ops(PTT_STREAMING_RECOGNITION),
      "流式语音转文本错误",
      "流式语音转文本失败，但是录音成功了，上传也成功了。",
      "检查代码是否有错误",
      "Streaming speech-to-text failed although recording and upload succeeded; check the calling code."),
  QAVPTTERROR_S2T_PARAM_NULL(32784, VOICE_MESSAGE, ops(PTT_SPEECH_TO_TEXT),
      "语音转文字错误",
      "语音转文本参数错误",
      "检查代码中接口参数 fileid 是否为空",
      "A speech-to-text parameter is wrong; check that the fileid passed is not empty."),
  QAVPTTERROR_S2T_AUTO_SPEECH_REC_ERROR(32785, VOICE_MESSAGE, ops(PTT_SPEECH_TO_TEXT),
      "语音转文字错误",
      "语音转文本翻译返回错误",
      "离线语音后台错误，请分析日志，获取后台返回给客户端的真正错误码，并联系后台同事协助解决",
      "Speech recognition returned an error from the voice-message backend; read the logs for the server's real code."),
  QAVPTTERROR_ERR_VOICE_STREAMIN_RUNING_ERROR(32786, VOICE_MESSAGE, ops(PTT_STREAMING_RECOGNITION),
      "流式语音转文本错误",
      "流式语音转文本失败",
      "在流式录制状态当中，请等待流式录制接口执行结果返回",
      "Streaming speech-to-text failed because a streaming recording is still running; wait for its result first.");

  private static final Map<Integer, GmeErrorCode> BY_VALUE = new HashMap<>();

  static {
    for (GmeErrorCode c : values()) {
      BY_VALUE.put(c.value, c);
    }
  }

  private final int value;
  private final ErrorCategory category;
  private final Set<Operation> operations;
  private final String meaningZh;
  private final String causeZh;
  private final String adviceZh;
  private final String english;

  GmeErrorCode(int value, ErrorCategory category, Set<Operation> operations,
      String meaningZh, String causeZh, String adviceZh, String english) {
    this.value = value;
    this.category = category;
    this.operations = Collections.unmodifiableSet(operations);
    this.meaningZh = meaningZh;
    this.causeZh = causeZh;
    this.adviceZh = adviceZh;
    this.english = english;
  }

  private static Set<Operation> ops(Operation first, Operation... rest) {
    return EnumSet.of(first, rest);
  }

  /** Returns the numeric code GME reports. */
  public int value() {
    return value;
  }

  /** Returns the section of GME's page this code is listed in. */
  public ErrorCategory category() {
    return category;
  }

  /** Returns the operations where GME can raise this code (never empty). */
  public Set<Operation> operations() {
    return operations;
  }

  /** Returns GME's Chinese meaning (含义); for the general section, which has no such column, a short summary. */
  public String meaningZh() {
    return meaningZh;
  }

  /** Returns GME's Chinese cause (原因 / 原因及建议方案) text. */
  public String causeZh() {
    return causeZh;
  }

  /** Returns GME's Chinese advice (建议方案), or an empty string where the page has none. */
  public String adviceZh() {
    return adviceZh;
  }

  /** Returns an English rendering of the meaning, cause and advice. */
  public String english() {
    return english;
  }

  /** Returns the {@code error_info} text the simulator reports with this code: the name, then the English text. */
  public String errorInfo() {
    return name() + ": " + english;
  }

  /** Finds the code with this numeric value. */
  public static Optional<GmeErrorCode> byValue(int value) {
    return Optional.ofNullable(BY_VALUE.get(value));
  }

  /** Finds the code with this GME name, case-insensitively. */
  public static Optional<GmeErrorCode> byName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns the known code closest to an unknown value, for error messages such as
   * {@code unknown GME error code 70060; nearest: 7006 AV_ERR_AUTH_FIALD}.
   */
  public static GmeErrorCode nearest(int value) {
    // A mistyped code is usually one digit off (70060, 7060, 7600), which plain numeric distance
    // would map to an unrelated code, so digit edits come first and numeric distance breaks ties.
    String digits = Integer.toString(value);
    Comparator<GmeErrorCode> closerInValue =
        Comparator.comparingLong((GmeErrorCode c) -> Math.abs((long) c.value - value))
            .thenComparingInt(GmeErrorCode::value);
    return Arrays.stream(values())
        .filter(c -> NearestName.distance(digits, Integer.toString(c.value)) <= 1)
        .min(closerInValue)
        .orElseGet(() -> Arrays.stream(values()).min(closerInValue).orElseThrow());
  }

  /**
   * Returns the code whose name is closest to {@code name} (upper-cased, edit distance; page order
   * breaks ties), for messages such as {@code unknown name AV_ERR_AUTH_FAILED; nearest: 7006 AV_ERR_AUTH_FIALD}.
   */
  public static GmeErrorCode nearestName(String name) {
    Objects.requireNonNull(name, "name");
    String wanted = name.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values())
        .min(Comparator.comparingInt((GmeErrorCode c) -> NearestName.distance(wanted, c.name()))
            .thenComparingInt(GmeErrorCode::ordinal))
        .orElseThrow();
  }

  /** Returns all codes of a category, in page order. */
  public static List<GmeErrorCode> inCategory(ErrorCategory category) {
    return Arrays.stream(values()).filter(c -> c.category == category).toList();
  }

  /** Returns {@code "7006 AV_ERR_AUTH_FIALD"}: the value and the name, as error messages show a code. */
  public String label() {
    return value + " " + name();
  }
}
