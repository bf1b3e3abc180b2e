from .miner import MinerErrorInfo as MinerErrorInfo
