update(e){this.lineCharOffset=e,this.lineTokenOffset=this.lineCharOffset===0?0:this.tokens.length}
