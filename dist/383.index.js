export const id = 383;
export const ids = [383];
export const modules = {

/***/ 8383:
/***/ ((module) => {

module.exports = eval("require")("fsevents");


/***/ })

};
