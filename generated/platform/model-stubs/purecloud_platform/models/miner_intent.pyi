from .miner import MinerIntent as MinerIntent
