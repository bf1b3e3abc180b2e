from .dialogflow import DialogflowParameter as DialogflowParameter
