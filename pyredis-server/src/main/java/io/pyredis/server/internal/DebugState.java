package io.pyredis.server.internal;

/**
 * The server's switches that only DEBUG changes (Redis's server.active_expire_enabled,
 * pause_cron, ...). Written by DEBUG on the event loop, read by the cron there.
 */
public final class DebugState {

    /** DEBUG SET-ACTIVE-EXPIRE: whether the cron runs the active expiry cycle. */
    public volatile boolean activeExpireEnabled = true;
    /** DEBUG PAUSE-CRON: whether the cron is skipped. */
    public volatile boolean pauseCron;
    /** DEBUG SET-DISABLE-DENY-SCRIPTS (Redis's script_disable_deny_script; pyredis has no scripting). */
    public volatile boolean disableDenyScripts;
    /** DEBUG AOF-FLUSH-SLEEP, microseconds (kept, not acted on). */
    public volatile int aofFlushSleepMicros;
    /** DEBUG REPLYBUFFER PEAK-RESET-TIME, ms (-1: never); Redis's REPLY_BUFFER_DEFAULT_PEAK_RESET_TIME is 5000. */
    public volatile long replyBufferPeakResetTime = 5000;
    /** DEBUG REPLYBUFFER RESIZING. */
    public volatile boolean replyBufferResizing = true;
}
