from .dialogflow import DialogflowCXAgent as DialogflowCXAgent
