from .dialogflow import DialogflowAgent as DialogflowAgent
