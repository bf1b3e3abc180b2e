from .miner import MinerExecuteRequest as MinerExecuteRequest
