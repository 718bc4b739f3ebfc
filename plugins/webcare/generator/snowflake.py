"""X snowflake ids: milliseconds since the Twitter epoch in the high bits."""
TWITTER_EPOCH_MS = 1288834974657


def snowflake(epoch_ms: int, sequence: int) -> int:
    return ((epoch_ms - TWITTER_EPOCH_MS) << 22) | sequence


def snowflake_ms(tweet_id: int) -> int:
    return (tweet_id >> 22) + TWITTER_EPOCH_MS
