from .miner import MinerTopicsListing as MinerTopicsListing
