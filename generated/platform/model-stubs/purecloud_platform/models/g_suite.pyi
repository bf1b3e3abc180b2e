from .g import GSuite as GSuite
