from .miner import MinerTopicPhrase as MinerTopicPhrase
