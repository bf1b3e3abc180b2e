"""The pool sharding used by both clients (no server)."""

from __future__ import annotations


def test_sequential_use_keeps_one_pool_and_load_opens_more(rtpkg):
    from rtpkg._pool import PoolShards

    created = []
    shards = PoolShards(
        lambda size: created.append(size) or object(), 10
    )  # 3 pools of 4
    for _ in range(5):
        shards.release(shards.acquire())
    assert created == [4]
    held = [shards.acquire() for _ in range(12)]
    assert len(created) == 3 and sorted(set(held)) == [0, 1, 2]
    assert [held.count(i) for i in range(3)] == [4, 4, 4]
    extra = (
        shards.acquire()
    )  # every pool full and no more allowed: the least loaded queues it
    assert len(created) == 3 and held.count(extra) == 4
    for index in held + [extra]:
        shards.release(index)
    assert shards.acquire() == 0
