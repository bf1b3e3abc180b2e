from .miner import MinerTopic as MinerTopic
