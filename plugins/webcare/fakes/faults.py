"""The queue of faults a fake API plays back (errors, injected records) on matching requests."""
from __future__ import annotations


class FaultQueue:
    """Faults in the order added. A fault applies to requests whose target (path and query)
    contains its ``match``; ``after_pages`` lets that many matching requests through first and
    ``times`` is how many requests it then affects."""

    def __init__(self) -> None:
        self._faults: list[dict] = []

    def add(self, fault: dict) -> None:
        if not isinstance(fault.get("match"), str):
            raise ValueError(f"a fault needs a match string: {fault}")
        self._faults.append({"times": 1, "after_pages": 0, **fault, "passed": 0})

    def clear(self) -> None:
        self._faults.clear()

    def take(self, target: str) -> dict | None:
        """The first queued fault matching the request, consumed once; None when none applies."""
        for fault in self._faults:
            if fault["match"] in target:
                if fault["passed"] < fault["after_pages"]:
                    fault["passed"] += 1
                    return None
                fault["times"] -= 1
                if fault["times"] <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    def peek_delay(self, target: str) -> bool:
        """Whether the fault ``take`` would give next for this request is a ``delay_seconds`` one."""
        for fault in self._faults:
            if fault["match"] in target:
                return "delay_seconds" in fault and fault["passed"] >= fault["after_pages"]
        return False

    def __len__(self) -> int:
        return len(self._faults)
