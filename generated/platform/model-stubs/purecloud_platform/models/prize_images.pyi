from .prize import PrizeImages as PrizeImages
