from .dialogflow import DialogflowCXProject as DialogflowCXProject
