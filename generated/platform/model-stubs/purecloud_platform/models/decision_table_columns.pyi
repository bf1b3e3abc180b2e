from .decision import DecisionTableColumns as DecisionTableColumns
