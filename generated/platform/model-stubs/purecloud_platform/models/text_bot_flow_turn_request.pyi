from .text import TextBotFlowTurnRequest as TextBotFlowTurnRequest
