from .mu import MuAgentsWorkPlansResult as MuAgentsWorkPlansResult
