"""Shared helper: a chunk is a block of lines 'variety|channel|marked text' (one message a line)."""


def parse_block(block):
    msgs = []
    for line in block.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#!"):
            continue
        var, chan, text = line.split("|", 2)
        msgs.append((var, chan, text))
    return msgs
